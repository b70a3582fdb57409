// The benchmark's reference page: the same graph.json loaded into graphology and handed to
// sigma with default settings, nothing else.
import Graph from 'graphology';
import Sigma from 'sigma';

const data = await (await fetch('graph.json')).json();
const graph = Graph.from(data);
const sigma = new Sigma(graph, document.getElementById('sigma')!);
Object.assign(window, { bare: { sigma, graph } });
requestAnimationFrame(() => {
  performance.mark('first-frame');
  document.body.setAttribute('data-ready', 'true');
});
