// Loaded with --require into a Node child process started by the fake utilityProcess
// (fakeElectron.ts): gives the script Electron's utility-process side, process.parentPort, over
// Node's IPC channel, so the box script's Electron branch runs for real.
const { EventEmitter } = require('node:events');
const port = new EventEmitter();
port.postMessage = (m) => process.send(m);
process.on('message', (m) => port.emit('message', { data: m }));
// the app went away: a utility process ends with its app
process.on('disconnect', () => process.exit(0));
process.parentPort = port;
