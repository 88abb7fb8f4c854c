/**
 * Calls to Greenlight's API from the signed-in page: the session cookie, and the CSRF
 * token the page carries in its meta tags on every POST. A refusal becomes an ApiError
 * whose message is the problem's detail, which says what to fix.
 */

export class ApiError extends Error {
  constructor(status, detail, body) {
    super(detail);
    this.status = status;
    this.body = body;
  }
}

function csrf() {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  return token && header ? { [header.content]: token.content } : {};
}

async function answer(response) {
  const text = await response.text();
  let body = null;
  if (text) {
    try {
      body = JSON.parse(text);
    }
    catch (ignored) {
      body = null;
    }
  }
  if (!response.ok) {
    if (response.status === 401 || (response.redirected && response.url.includes('/login'))) {
      throw new ApiError(401, 'Your session has ended: reload the page and sign in again.', body);
    }
    const detail = (body && (body.detail || body.title)) || `The server answered ${response.status} ${response.statusText}.`;
    throw new ApiError(response.status, detail, body);
  }
  return { status: response.status, body };
}

async function send(url, init) {
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init });
  }
  catch (failure) {
    throw new ApiError(0, 'Greenlight cannot be reached: check your connection; the page tries again.', null);
  }
  return answer(response);
}

export async function getJson(url) {
  return (await send(url, { headers: { Accept: 'application/json' } })).body;
}

/** POSTs JSON; resolves to {status, body}. */
export function postJson(url, payload) {
  return send(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrf() },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
}

/**
 * The file as a blob URL, reporting progress (0..1, or null when the size is unknown)
 * as it arrives: an image shows a progress bar instead of an empty stage.
 */
export async function download(url, onProgress) {
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) {
    await answer(response);
  }
  const total = Number(response.headers.get('Content-Length')) || 0;
  const reader = response.body.getReader();
  const chunks = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    chunks.push(value);
    received += value.length;
    onProgress(total ? received / total : null);
  }
  return URL.createObjectURL(new Blob(chunks, { type: response.headers.get('Content-Type') || '' }));
}
