/**
 * The WebGL drawing of the ego map: sigma over a graphology graph laid out with ForceAtlas2. Loaded on
 * demand (EgoMap.tsx imports it dynamically), so the renderer's weight is paid only on the map's page and
 * only when WebGL is there to use it.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import type { EgoMapView } from '../../api/egoMap.ts';

export interface EgoMapDrawing {
  zoomIn(): void;
  zoomOut(): void;
  reset(): void;
  kill(): void;
}

/** Draws the map into `container`; `colourOf` gives a cluster's colour (null: in no cluster). */
export function drawEgoMap(container: HTMLElement, map: EgoMapView, colourOf: (cluster: number | null) => string): EgoMapDrawing {
  const graph = new Graph({ type: 'undirected' });
  const clusterCount = Math.max(1, map.clusters.length);
  // Start each cluster around its own point on a circle, so the layout settles quickly and the same way each time.
  map.nodes.forEach((node, i) => {
    const c = node.cluster ?? clusterCount;
    const angle = (2 * Math.PI * c) / (clusterCount + 1);
    const jitter = (i * 0.618) % 1;
    graph.addNode(String(i), {
      x: Math.cos(angle) * 10 + Math.cos(i) * (1 + jitter),
      y: Math.sin(angle) * 10 + Math.sin(i) * (1 + jitter),
      size: node.bridge ? 9 : 5,
      label: node.name,
      color: colourOf(node.cluster),
    });
  });
  for (const [a, b] of map.edges) if (!graph.hasEdge(String(a), String(b))) graph.addEdge(String(a), String(b), { color: '#ced4da', size: 0.5 });
  if (graph.order > 1) forceAtlas2.assign(graph, { iterations: graph.order > 150 ? 80 : 150, settings: forceAtlas2.inferSettings(graph) });
  const sigma = new Sigma(graph, container, { labelRenderedSizeThreshold: 8, zIndex: true });
  const camera = sigma.getCamera();
  return {
    zoomIn: () => void camera.animatedZoom({ duration: 200 }),
    zoomOut: () => void camera.animatedUnzoom({ duration: 200 }),
    reset: () => void camera.animatedReset({ duration: 200 }),
    kill: () => sigma.kill(),
  };
}
