// The page's JS heap by kind of node, from a CDP heap snapshot (taken after a full collection).
// V8 keeps compiling hot code for a while (the "code" and "hidden" nodes), so a leak check looks at
// the nodes a program can leak: objects, arrays, closures, strings and numbers.

const PROGRAM = new Set([
  'object',
  'array',
  'closure',
  'string',
  'concatenated string',
  'sliced string',
  'regexp',
  'number',
  'bigint',
]);

/** `{ program, total }`: bytes held by program nodes, and by every node. */
export async function heapBytes(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks = [];
  const collect = (event) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  const { snapshot, nodes } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let program = 0;
  let total = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    const size = nodes[i + sizeAt];
    total += size;
    if (PROGRAM.has(types[nodes[i + typeAt]])) program += size;
  }
  return { program, total };
}
