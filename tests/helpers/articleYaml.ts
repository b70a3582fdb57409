/**
 * An article's YAML as a person writes it, for the edit tests: the schema comment, a comment
 * after a value, a folded scalar no edit may touch, a comment before the first relation and one
 * at the end. `more` follows the first relation's quote line (more of it, further relations).
 */
export function commentedArticle(more = ''): string {
  return `# yaml-language-server: $schema=../schemas/article.schema.json
title: A test # the headline
published:
  date: 2020-05
  basis: inferred
  how: >-
    Folded text that the edit
    must not touch.
relations:
  # First relation.
  - source: Alpha
    type: cooperates-with
    target: Beta # by alias
    quote: Alpha and Beta agree.
${more}# Trailing comment.
`;
}
