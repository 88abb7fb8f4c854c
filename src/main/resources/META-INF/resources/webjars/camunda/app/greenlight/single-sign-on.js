// Greenlight signs users in with its own login page (Spring Security). The Camunda webapps
// route to their own login form when the session ends or after "Log out": send the browser to
// Greenlight's login page instead, so there is only one.
const appRoot = document.querySelector('base').getAttribute('app-root');
const loginPage = appRoot.substring(0, appRoot.lastIndexOf('/')) + '/login?logout';

function toGreenlightLogin() {
  if (/^#\/login/.test(window.location.hash)) {
    window.location.replace(loginPage);
  }
}

window.addEventListener('hashchange', toGreenlightLogin);
toGreenlightLogin();

export default [];
