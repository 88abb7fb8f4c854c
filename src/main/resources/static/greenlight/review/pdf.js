/**
 * pdf.js from its WebJar (org.webjars.npm:pdfjs-dist in pom.xml: keep the version here
 * the same). Its worker runs as a module worker from the same origin; fonts and data
 * are fetched by the page, not the worker, and no code is generated at run time, as the
 * room's Content-Security-Policy wants.
 */
const PDFJS = '/webjars/pdfjs-dist/4.10.38/';

let library = null;

async function pdfjs() {
  if (!library) {
    library = await import(`${PDFJS}build/pdf.min.mjs`);
    library.GlobalWorkerOptions.workerSrc = `${PDFJS}build/pdf.worker.min.mjs`;
  }
  return library;
}

/** Opens the PDF at {@code url}, streamed in ranges; reports progress 0..1. */
export async function open(url, onProgress) {
  const lib = await pdfjs();
  const task = lib.getDocument({
    url,
    withCredentials: true,
    isEvalSupported: false,
    useWorkerFetch: false,
    standardFontDataUrl: `${PDFJS}standard_fonts/`,
    cMapUrl: `${PDFJS}cmaps/`,
    cMapPacked: true,
    enableXfa: false,
  });
  task.onProgress = ({ loaded, total }) => onProgress(total ? Math.min(1, loaded / total) : null);
  return task.promise;
}
