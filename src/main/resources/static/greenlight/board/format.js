/**
 * How the board and the asset page say durations and keep filters: pure functions,
 * tested in Chromium with the room's scripts (src/test/js/board-format.test.js).
 */

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration in the two largest units that matter: "45 min", "3 h 20 min", "2 d 4 h". */
export function duration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < MINUTE) {
    return 'under a minute';
  }
  if (s < HOUR) {
    return `${Math.floor(s / MINUTE)} min`;
  }
  if (s < DAY) {
    const minutes = Math.floor((s % HOUR) / MINUTE);
    return `${Math.floor(s / HOUR)} h${minutes ? ` ${minutes} min` : ''}`;
  }
  const hours = Math.floor((s % DAY) / HOUR);
  return `${Math.floor(s / DAY)} d${hours ? ` ${hours} h` : ''}`;
}

/** The board's filters, as the page keeps them in its address so a view can be shared. */
export const FILTERS = ['clientId', 'projectId', 'producer', 'overdue', 'waitingOnMe'];

/** Filters from an address's query ("?overdue=true&projectId=…"): unknown or empty ones dropped. */
export function filtersFrom(search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (name === 'overdue' || name === 'waitingOnMe') {
      if (value === 'true') {
        filters[name] = true;
      }
    }
    else if (value) {
      filters[name] = value;
    }
  }
  return filters;
}

/** The query for these filters: the same for the page's address and the API call. */
export function queryOf(filters) {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = filters[name];
    if (value === true) {
      params.set(name, 'true');
    }
    else if (value) {
      params.set(name, value);
    }
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The width of each phase on the asset's timeline, as percentages of the whole, with a
 * minimum so that a short phase stays visible and clickable; they add up to 100.
 */
export function phaseWidths(seconds, minimum = 4) {
  const total = seconds.reduce((sum, each) => sum + Math.max(0, each), 0);
  if (!seconds.length) {
    return [];
  }
  if (total === 0) {
    return seconds.map(() => 100 / seconds.length);
  }
  const raw = seconds.map((each) => (Math.max(0, each) / total) * 100);
  const small = raw.filter((width) => width < minimum).length;
  if (small * minimum >= 100) {
    return seconds.map(() => 100 / seconds.length);
  }
  const room = 100 - small * minimum;
  const largeTotal = raw.filter((width) => width >= minimum).reduce((sum, width) => sum + width, 0);
  return raw.map((width) => (width < minimum ? minimum : (width / largeTotal) * room));
}

/** ISO date (YYYY-MM-DD) of a Date, in UTC: metrics count days in UTC. */
export function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

/**
 * The period a preset names, as {from, to} (both included), for {@code today} ("YYYY-MM-DD",
 * UTC): the metrics page's quick choices.
 */
export function periodOf(preset, today) {
  const day = new Date(`${today}T00:00:00Z`);
  const minus = (days) => isoDay(new Date(day.getTime() - days * 86400000));
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth();
  switch (preset) {
    case 'lastMonth':
      return { from: isoDay(new Date(Date.UTC(year, month - 1, 1))), to: isoDay(new Date(Date.UTC(year, month, 0))) };
    case 'thisMonth':
      return { from: isoDay(new Date(Date.UTC(year, month, 1))), to: today };
    case 'last90':
      return { from: minus(89), to: today };
    case 'last365':
      return { from: minus(364), to: today };
    default:
      return { from: minus(29), to: today };
  }
}

/** The metrics page's filters, as the API takes them and the page keeps them in its address. */
export const METRIC_FILTERS = ['from', 'to', 'clientId', 'projectId', 'assetType'];

export function metricQueryOf(filters) {
  const params = new URLSearchParams();
  METRIC_FILTERS.filter((name) => filters[name]).forEach((name) => params.set(name, filters[name]));
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function metricFiltersFrom(search) {
  const params = new URLSearchParams(search);
  return Object.fromEntries(METRIC_FILTERS.filter((name) => params.get(name)).map((name) => [name, params.get(name)]));
}

/** Hours as people read them: "45 min", "5.5 h", "3.2 days"; a dash when nothing counted. */
export function hoursInWords(hours) {
  if (hours === null || hours === undefined) {
    return '–';
  }
  if (hours < 1) {
    return `${Math.round(hours * 60)} min`;
  }
  if (hours < 48) {
    return `${Number(hours.toFixed(1))} h`;
  }
  return `${Number((hours / 24).toFixed(1))} days`;
}

/** A share from 0 to 1 as a whole percentage, a dash when nothing counted. */
export function percent(rate) {
  return rate === null || rate === undefined ? '–' : `${Math.round(rate * 100)}%`;
}
