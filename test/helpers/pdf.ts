import { readFileSync } from 'node:fs';

// The PDF read back as a viewer would: pdf.js (pdfjs-dist's build for Node) gives the pages, their
// size in points and the text on them, which proves the text is real text and not a picture.

export interface ReadPdf {
  pages: number;
  /** Each page's width and height in points. */
  sizes: [number, number][];
  /** Each page's text, its pieces joined by spaces, in drawing order. */
  text: string[];
}

export async function readPdf(source: string | Uint8Array): Promise<ReadPdf> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(typeof source === 'string' ? readFileSync(source) : source);
  const doc = await getDocument({ data, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const sizes: [number, number][] = [];
    const text: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const v = page.getViewport({ scale: 1 });
      sizes.push([Math.round(v.width * 100) / 100, Math.round(v.height * 100) / 100]);
      const content = await page.getTextContent();
      text.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' '));
    }
    return { pages: doc.numPages, sizes, text };
  } finally {
    await doc.destroy();
  }
}

export const A4: [number, number] = [595.28, 841.89];
export const LETTER: [number, number] = [612, 792];
