/**
 * A translucent white sheet drawn by sigma between the network and the highlighted items
 * (a custom layer program at its own depth): the rest of the network is dimmed without
 * re-styling any of it, so a highlight costs work in proportion to what it highlights.
 */
export interface Veil {
  /** The factory sigma's addCustomLayerProgram takes. */
  program: (gl: WebGL2RenderingContext) => { render(): void; kill(): void };
  setShown(shown: boolean): void;
}

const VERTEX = `#version 300 es
in vec2 a_position;
void main() { gl_Position = vec4(a_position, 0.0, 1.0); }`;

// sigma blends with premultiplied alpha (ONE, ONE_MINUS_SRC_ALPHA).
const FRAGMENT = `#version 300 es
precision mediump float;
uniform float u_alpha;
out vec4 color;
void main() { color = vec4(u_alpha, u_alpha, u_alpha, u_alpha); }`;

export function createVeil(alpha: number): Veil {
  let shown = false;
  return {
    setShown: (value) => void (shown = value),
    program: (gl) => {
      const compile = (type: number, source: string) => {
        const shader = gl.createShader(type)!;
        gl.shaderSource(shader, source);
        gl.compileShader(shader);
        return shader;
      };
      const program = gl.createProgram();
      gl.attachShader(program, compile(gl.VERTEX_SHADER, VERTEX));
      gl.attachShader(program, compile(gl.FRAGMENT_SHADER, FRAGMENT));
      gl.linkProgram(program);
      const vao = gl.createVertexArray();
      const buffer = gl.createBuffer();
      gl.bindVertexArray(vao);
      gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
      gl.bufferData(
        gl.ARRAY_BUFFER,
        new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]),
        gl.STATIC_DRAW,
      );
      const position = gl.getAttribLocation(program, 'a_position');
      gl.enableVertexAttribArray(position);
      gl.vertexAttribPointer(position, 2, gl.FLOAT, false, 0, 0);
      gl.bindVertexArray(null);
      const alphaLocation = gl.getUniformLocation(program, 'u_alpha');
      return {
        render() {
          if (!shown) return;
          // Blended over what is drawn, as sigma's own programs are.
          gl.enable(gl.BLEND);
          gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
          gl.useProgram(program);
          gl.uniform1f(alphaLocation, alpha);
          gl.bindVertexArray(vao);
          gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
          gl.bindVertexArray(null);
        },
        kill() {
          gl.deleteBuffer(buffer);
          gl.deleteVertexArray(vao);
          gl.deleteProgram(program);
        },
      };
    },
  };
}
