'use strict';
// The registration kiosk hands ADT messages to the integration engine running on the same machine; the
// engine forwards them over its TLS connector. Nothing leaves the host on this hop.

const net = require('node:net');

const ENGINE_PORT = 6661;

function handOff(message) {
  return new Promise((resolve, reject) => {
    const socket = new net.Socket();
    socket.connect(ENGINE_PORT, '127.0.0.1', () => {
      socket.write('\x0b' + message + '\x1c\r');
    });
    socket.once('data', (ack) => {
      socket.destroy();
      resolve(ack.toString());
    });
    socket.on('error', reject);
  });
}

module.exports = { handOff };
