import { html, svg } from 'lit-html';
import ontology from '../../ontology/ontology.json';

// How each label looks, from the one ontology table (ontology/ontology.json, also behind the
// server's /v1/schema). Shape as well as colour, so the graph still reads in greyscale prints and
// for colour-blind readers.
export const LABEL_STYLE = Object.fromEntries(
  ontology.labels.map((l) => [l.name, { color: l.color, shape: l.shape }]));
const FALLBACK = { color: '#94a3b8', shape: 'ellipse' };
export const LABEL_ORDER = Object.keys(LABEL_STYLE);
export function labelStyle(label) { return LABEL_STYLE[label] ?? FALLBACK; }

export const TYPE_COLOR = Object.fromEntries(
  ontology.relationships.map((r) => [r.type, r.color]));
export const TYPE_ORDER = Object.keys(TYPE_COLOR);
export function typeColor(type) { return TYPE_COLOR[type] ?? '#94a3b8'; }

// A small SVG of the node's shape for the legend and chips; the canvas draws the real one.
// A lit-html template: colours and coordinates are bound as attributes, never spliced as text.
export function shapeSvg(label, size = 14) {
  const { color, shape } = labelStyle(label);
  const s = size, h = s / 2;
  const poly = (pts) => svg`<polygon points=${pts.map(([x, y]) => `${(x * s).toFixed(1)},${(y * s).toFixed(1)}`).join(' ')} fill=${color}></polygon>`;
  const ngon = (n, rot = -Math.PI / 2) => poly(Array.from({ length: n }, (_, i) => {
    const a = rot + (i * 2 * Math.PI) / n;
    return [0.5 + 0.48 * Math.cos(a), 0.5 + 0.48 * Math.sin(a)];
  }));
  let body;
  switch (shape) {
    case 'ellipse': body = svg`<circle cx=${h} cy=${h} r=${h - 0.5} fill=${color}></circle>`; break;
    case 'hexagon': body = ngon(6, 0); break;
    case 'octagon': body = ngon(8, Math.PI / 8); break;
    case 'pentagon': case 'round-pentagon': body = ngon(5); break;
    case 'diamond': body = poly([[0.5, 0], [1, 0.5], [0.5, 1], [0, 0.5]]); break;
    case 'round-triangle': body = poly([[0.5, 0.04], [0.98, 0.94], [0.02, 0.94]]); break;
    case 'star': body = poly(Array.from({ length: 10 }, (_, i) => {
      const a = -Math.PI / 2 + (i * Math.PI) / 5, r = i % 2 ? 0.2 : 0.5;
      return [0.5 + r * Math.cos(a), 0.5 + r * Math.sin(a)];
    })); break;
    case 'tag': body = poly([[0, 0.15], [0.7, 0.15], [1, 0.5], [0.7, 0.85], [0, 0.85]]); break;
    case 'rhomboid': body = poly([[0.25, 0.12], [1, 0.12], [0.75, 0.88], [0, 0.88]]); break;
    case 'vee': body = poly([[0, 0.05], [0.5, 0.35], [1, 0.05], [0.5, 0.95]]); break;
    case 'barrel': body = svg`<rect x="0.5" y=${s * 0.12} width=${s - 1} height=${s * 0.76} rx=${s * 0.2} fill=${color}></rect>`; break;
    case 'round-rectangle': body = svg`<rect x="0.5" y=${s * 0.12} width=${s - 1} height=${s * 0.76} rx=${s * 0.18} fill=${color}></rect>`; break;
    default: body = svg`<rect x="0.5" y=${s * 0.12} width=${s - 1} height=${s * 0.76} fill=${color}></rect>`;
  }
  return html`<svg class="shape" width=${s} height=${s} viewBox="0 0 ${s} ${s}" aria-hidden="true">${body}</svg>`;
}

export function cyStyle() {
  const nodeRules = Object.entries(LABEL_STYLE).map(([label, st]) => ({
    selector: `node[label = "${label}"]`,
    style: { 'background-color': st.color, shape: st.shape },
  }));
  const edgeRules = Object.entries(TYPE_COLOR).map(([type, c]) => ({
    selector: `edge[type = "${type}"]`,
    style: { 'line-color': c, 'target-arrow-color': c },
  }));
  return [
    {
      selector: 'node',
      style: {
        'background-color': FALLBACK.color,
        width: 'data(size)', height: 'data(size)',
        label: 'data(caption)',
        'font-family': '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif',
        'font-size': 11,
        color: '#1e293b',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': 130,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': 1.5,
        'text-background-shape': 'round-rectangle',
        'min-zoomed-font-size': 7,
        'border-width': 1.5,
        'border-color': '#ffffff',
        'overlay-padding': 4,
      },
    },
    ...nodeRules,
    { selector: 'node.center', style: { 'border-width': 3, 'border-color': '#0f172a' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f59e0b', 'font-weight': 'bold', 'z-index': 20 } },
    { selector: 'node.path', style: { 'border-width': 3, 'border-color': '#f59e0b' } },
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'curve-style': 'bezier',
        'line-color': '#94a3b8',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': '#94a3b8',
        'arrow-scale': 0.9,
        label: 'data(caption)',
        'font-size': 9,
        color: '#475569',
        'text-rotation': 'autorotate',
        'text-background-color': '#f8fafc',
        'text-background-opacity': 0.9,
        'text-background-padding': 1,
        'min-zoomed-font-size': 8,
        opacity: 0.85,
      },
    },
    ...edgeRules,
    { selector: 'edge[type = "MENTIONS"]', style: { 'line-style': 'dashed', width: 1 } },
    { selector: 'edge:selected', style: { width: 4, opacity: 1, 'z-index': 20, color: '#0f172a', 'font-weight': 'bold' } },
    { selector: 'edge.path', style: { width: 3.5, opacity: 1, 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b' } },
    { selector: '.filtered, .hidden-node', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.15 } },
  ];
}
