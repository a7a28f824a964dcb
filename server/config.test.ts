import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig, readSettings, settingsSchema } from './config.ts';
import { readRunnerConfig } from './runs/config.ts';

describe('settings from the environment', () => {
  it('keeps the defaults when nothing is set', () => {
    const c = readConfig({});
    expect(c.port).toBe(8787);
    expect(c.uploads.datasetMaxBytes).toBe(1024 ** 3);
    expect(c.bodyLimit).toBe(2 * 1024 * 1024);
    expect(c.session.idleMs).toBe(12 * 3_600_000);
    expect(c.session.absoluteMs).toBe(7 * 86_400_000);
    const r = readRunnerConfig({});
    expect(r.intervalMs).toBe(5000);
    expect(r.memoryLimit).toBe('2048MiB');
    expect(r.heapMb).toBe(512);
  });

  it('reads sizes with units and as plain bytes', () => {
    expect(readConfig({ DATASET_MAX_BYTES: '1GB' }).uploads.datasetMaxBytes).toBe(1_073_741_824);
    expect(readConfig({ DATASET_MAX_BYTES: '512MB' }).uploads.datasetMaxBytes).toBe(536_870_912);
    expect(readConfig({ DATASET_MAX_BYTES: '1048576' }).uploads.datasetMaxBytes).toBe(1_048_576);
    expect(readConfig({ BODY_LIMIT_BYTES: '64kb' }).bodyLimit).toBe(65_536);
    expect(readRunnerConfig({ RUN_MEMORY_LIMIT: '4GB' }).memoryLimit).toBe('4096MiB');
    expect(readRunnerConfig({ RUN_HEAP_MB: '1GB' }).heapMb).toBe(1024);
    expect(readRunnerConfig({ RUN_HEAP_MB: '768' }).heapMb).toBe(768);
  });

  it('reads durations with units; a bare number keeps the unit of the variable name', () => {
    expect(readRunnerConfig({ RUNNER_INTERVAL_MS: '5000' }).intervalMs).toBe(5000);
    expect(readRunnerConfig({ RUNNER_INTERVAL_MS: '5s' }).intervalMs).toBe(5000);
    expect(readRunnerConfig({ RUN_TIME_LIMIT_MS: '30m' }).timeLimitMs).toBe(1_800_000);
    expect(readRunnerConfig({ RUNNER_BACKOFF_MS: '1500' }).backoffMs).toBe(1500);
    expect(readConfig({ SESSION_IDLE_HOURS: '2' }).session.idleMs).toBe(7_200_000);
    expect(readConfig({ SESSION_IDLE_HOURS: '30m' }).session.idleMs).toBe(1_800_000);
    expect(readConfig({ SESSION_MAX_DAYS: '1' }).session.absoluteMs).toBe(86_400_000);
  });

  it('.env.example lists every setting, each with its default', () => {
    const example = Object.fromEntries(
      readFileSync(new URL('../.env.example', import.meta.url), 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(Object.keys(example).sort()).toEqual(Object.keys(settingsSchema.shape).sort());
    expect(readSettings(example)).toEqual(readSettings({}));
  });

  it('treats an empty value as unset', () => {
    expect(readConfig({ PORT: '', DATASET_MAX_BYTES: ' ' }).port).toBe(8787);
  });

  it.each([
    ['DATASET_MAX_BYTES', '1GBB', 'a size'],
    ['DATASET_MAX_BYTES', 'lots', 'a size'],
    ['RUNNER_INTERVAL_MS', 'soon', 'a duration'],
    ['RUNNER_INTERVAL_MS', '-5s', 'a duration'],
    ['PORT', '80a', 'a whole number'],
    ['RUNNER_CONCURRENCY', '0', 'a whole number from 1'],
    ['COOKIE_SECURE', 'yes', 'one of true, false, auto'],
    ['LOG_LEVEL', 'loud', 'one of fatal'],
  ])('refuses %s=%s naming the variable, the value and what is expected', (key, value, expected) => {
    const read = () => {
      readConfig({ [key]: value });
      readRunnerConfig({ [key]: value });
    };
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(`${key}="${value}": expected ${expected}`);
  });

  it('the server refuses to start on a bad value, with the message and no stack', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, DATASET_MAX_BYTES: '1 gigabyte', RUNNER: 'off', PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.status).toBe(1);
    expect(child.stderr).toContain('DATASET_MAX_BYTES="1 gigabyte": expected a size such as 1GB');
    expect(child.stderr).not.toMatch(/\n\s+at /);
  }, 70_000);
});
