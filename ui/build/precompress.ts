// A vite plugin that writes a .gz and a .br next to every text asset of the build, so that the management node
// (org.zstack.rest.ConsoleServlet) serves them compressed without compressing at request time.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const TEXT = /\.(js|mjs|css|html|svg|json|txt)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'zstack-precompress',
    apply: 'build',
    configResolved(c) {
      outDir = c.build.outDir;
    },
    closeBundle() {
      for (const f of files(outDir)) {
        if (!TEXT.test(f)) continue;
        const body = readFileSync(f);
        if (body.length < MIN_BYTES) continue;
        writeFileSync(`${f}.gz`, gzipSync(body, { level: 9 }));
        writeFileSync(`${f}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}
