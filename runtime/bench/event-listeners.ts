/**
 * The browsers of bench:events, in a process of their own so that reading a thousand streams
 * does not take the runtime's thread: opens `streams` EventSources with the session cookie and posts
 * [applicationId, arrival time] for every order's `submitted` event (arrival on the shared clock,
 * performance.timeOrigin + performance.now()).
 */
import { EventSource } from 'eventsource';

const url = process.env.BENCH_LISTEN_URL!;
const cookie = process.env.BENCH_LISTEN_COOKIE!;
const streams = Number(process.env.BENCH_STREAMS);
const send = (message: unknown) => process.send!(message);
const sources: EventSource[] = [];
const arrivals: [string, number][] = [];

function open(): Promise<void> {
  const source = new EventSource(`${url}/api/events`, { fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, cookie } }) });
  sources.push(source);
  source.addEventListener('application', (message) => {
    const data = JSON.parse(message.data) as { applicationId: string; step: string };
    if (data.step === 'submitted') arrivals.push([data.applicationId, performance.timeOrigin + performance.now()]);
  });
  return new Promise((resolve, reject) => {
    source.onopen = () => resolve();
    source.onerror = (error) => reject(new Error(`a stream did not open: ${String(error.message)}`));
  });
}

for (let i = 0; i < streams; i += 50) await Promise.all(Array.from({ length: Math.min(50, streams - i) }, open));
send({ opened: sources.length });
// Arrivals go to the bench in batches; `close` ends the streams.
const flush = setInterval(() => { if (arrivals.length) send({ arrivals: arrivals.splice(0) }); }, 50);
process.on('message', (message: { close?: boolean }) => {
  if (!message.close) return;
  clearInterval(flush);
  send({ arrivals: arrivals.splice(0) });
  for (const source of sources) source.close();
  send({ closed: true });
});
