// Preloaded into server processes spawned by tests (server/test/server-process.ts): when the test process
// goes away, however it ends (a time-out's SIGKILL included), the write end of this stdin pipe closes and
// the server stops itself as on a deploy, instead of running on, orphaned, on a deleted data folder.
process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));
process.stdin.on('error', () => process.kill(process.pid, 'SIGTERM'));
process.stdin.resume();
