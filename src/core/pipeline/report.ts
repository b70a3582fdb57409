import type { BuildReport } from './buildGraph.ts';
import type { BuildIssue } from './issues.ts';

/** The short report the build prints: actors, relations by type, evidence, warnings. */
export function formatReport(report: BuildReport, issues: readonly BuildIssue[]): string {
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  const width = Math.max(...Object.keys(report.byRelation).map((k) => k.length), 8);
  const lines = [
    `Articles:  ${report.articles}`,
    `Actors:    ${report.actors}${report.actorsWithoutRelations.length ? ` (${report.actorsWithoutRelations.length} without relations)` : ''}`,
    `Relations: ${report.annotations} annotations -> ${report.evidence} pieces of evidence on ${report.edges} edges`,
    ...Object.entries(report.byRelation).map(
      ([type, { evidence, edges }]) =>
        `  ${type.padEnd(width)}  ${String(evidence).padStart(5)} evidence  ${String(edges).padStart(5)} edges`,
    ),
    `Evidence by modality: ${Object.entries(report.byModality)
      .filter(([, n]) => n > 0)
      .map(([m, n]) => `${m} ${n}`)
      .join(', ')}`,
    `Evidence dated: ${report.dated.statement} by its article, ${report.dated.event} by the event it reports`,
    ...(report.machine
      ? [
          `Machine-coded (GDELT, events/gdelt.csv): ${report.machine.events} events on ${report.machine.edges} edges, ${report.machine.machineOnly} of them with no statement`,
        ]
      : []),
    `Warnings:  ${warnings}`,
  ];
  return lines.join('\n');
}
