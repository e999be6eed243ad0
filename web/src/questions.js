// Ready-made questions. Each builds an ordinary query so the console shows exactly what ran
// and the reader can adapt it. Names go in as entity references, which match aliases too.

// A string literal for the query language: quotes and backslashes escaped.
export function cypherString(s) {
  return `"${String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export const QUESTIONS = [
  {
    id: 'hosts',
    title: 'q.hosts.title',
    desc: 'q.hosts.desc',
    fields: [{ key: 'name', text: 'q.hosts.field', label: 'Industry', example: '人工智能', primary: true }],
    query: ({ name }) => `MATCH path = (p)-[:HOSTS]->(i:Industry ${name})\nRETURN path`,
  },
  {
    id: 'partners',
    title: 'q.partners.title',
    desc: 'q.partners.desc',
    fields: [{ key: 'name', text: 'q.partners.field', label: 'Industry', example: '精细化工', primary: true }],
    // A park partners directly, or through the region it is located in.
    query: ({ name }) => `MATCH path = (i:Industry ${name})<-[:HOSTS]-(p)-[:PARTNERS_WITH|LOCATED_IN*1..2]-(u)\nWHERE u:University OR u:Institute\nRETURN path`,
  },
  {
    id: 'programme',
    title: 'q.programme.title',
    desc: 'q.programme.desc',
    fields: [{ key: 'name', text: 'q.programme.field', label: 'Program', example: '应用赋能拓展行动', primary: true }],
    // Tasks name their programme in a property rather than by a relationship.
    query: ({ name }) => `MATCH (p:Program ${name})\nOPTIONAL MATCH lead = (:Department)-[:LEADS]->(p)\nOPTIONAL MATCH (t:Task {programme: p.name})\nOPTIONAL MATCH work = (:Department)-[:LEADS|SUPPORTS]->(t)\nRETURN p, lead, t, work`,
  },
  {
    id: 'path',
    kind: 'path',
    title: 'q.path.title',
    desc: 'q.path.desc',
    fields: [
      { key: 'from', text: 'q.path.from', example: '大连高新区' },
      { key: 'to', text: 'q.path.to', example: '东北大学' },
    ],
  },
];

export const EXAMPLES = [
  {
    zh: '保定高新区承载的产业',
    en: 'Industries hosted by 保定高新区',
    query: 'MATCH (p:Park "保定高新区")-[r:HOSTS]->(i:Industry)\nRETURN p, r, i',
  },
  {
    zh: '各园区承载的产业数',
    en: 'Industries per park',
    query: 'MATCH (p:Park)-[:HOSTS]->(i:Industry)\nRETURN p.name AS park, count(i) AS industries\nORDER BY industries DESC\nLIMIT 20',
  },
  {
    zh: '高校及其附属研究院',
    en: 'Universities and their institutes',
    query: 'MATCH (i:Institute)-[r:AFFILIATED_WITH]->(u:University)\nRETURN i, r, u',
  },
  {
    zh: '各类实体数量',
    en: 'Entities per label',
    query: 'MATCH (n)\nRETURN labels(n) AS label, count(*) AS n\nORDER BY n DESC',
  },
];
