/**
 * What Greenlight's own pages around the work (the board, the metrics, a production's
 * page) do alike: say what went wrong in their alert bar, mark themselves busy while
 * they load, and offer the user's clients and projects as filters.
 */
import { getJson } from '../review/api.js';
import { byId, fill, h } from '../review/dom.js';

/** Shows the message in the page's alert bar, or hides the bar for null. */
export function alert(message) {
  fill(byId('alert-text'), message);
  byId('alert').hidden = !message;
}

byId('alert-close').addEventListener('click', () => alert(null));

/**
 * Runs {@code work} with the page marked busy; a failure is shown in the alert bar (its
 * message says what is wrong), success clears the bar.
 */
export async function loading(page, work) {
  page.setAttribute('aria-busy', 'true');
  try {
    await work();
    alert(null);
  }
  catch (failure) {
    alert(failure.message);
  }
  finally {
    page.setAttribute('aria-busy', 'false');
  }
}

/** Fills the client and project filters with the user's own, then calls {@code then}. */
export function clientAndProjectOptions(then) {
  Promise.all([getJson('/api/clients'), getJson('/api/projects')]).then(([clients, projects]) => {
    fill(byId('filter-client'), h('option', { value: '', text: 'All clients' }),
      clients.map((client) => h('option', { value: client.id, text: client.name })));
    fill(byId('filter-project'), h('option', { value: '', text: 'All projects' }),
      projects.map(({ project, client }) => h('option', { value: project.id, text: `${project.code} · ${client.name}` })));
    then();
  }).catch((failure) => alert(failure.message));
}
