// Greenlight's own pages on the webapps' home page (Welcome, in every header's app menu).
// Replaces the webapp's default config.js, whose settings are all commented out.
export default {
  links: [
    {
      label: 'Greenlight board',
      href: '/board',
      description: 'Every production at a glance: its stage, whom it waits on, what is overdue'
    },
    {
      label: 'Greenlight metrics',
      href: '/metrics',
      description: 'Cycle times, revision rounds, first-pass approval and reviewer turnaround'
    }
  ]
};
