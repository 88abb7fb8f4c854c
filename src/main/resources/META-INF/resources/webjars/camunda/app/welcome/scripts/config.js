// Greenlight's settings for Camunda Welcome (overrides the webjar's config.js).
export default {
  app: {
    name: 'Welcome',
    vendor: 'Greenlight'
  },
  customScripts: ['../greenlight/single-sign-on']
};
