// Starts Chromium, Firefox and WebKit over WebDriver (selenium-webdriver, pinned), each with
// its own driver process on a free port, a scratch HOME/TMPDIR/XDG_* and, for WebKit (no
// headless mode), an Xvfb on a free display. Every binary is a Debian one found on PATH, or
// geckodriver from `cargo install` (scripts/setup-engines.sh); driver paths are always
// explicit, so Selenium Manager never downloads anything. `stop()` ends every process it
// started (its whole process group), and so does exiting Node, even after a failure.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, realpathSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, homedir } from 'node:os';
import path from 'node:path';
import wd from 'selenium-webdriver';
import { Executor, HttpClient } from 'selenium-webdriver/http/index.js';

/** The engines to run: all three, or those PAPERDECK_ENGINES names (e.g. "firefox,webkit"). */
export const ENGINES = process.env.PAPERDECK_ENGINES?.split(',').filter(Boolean) ?? ['chromium', 'firefox', 'webkit'];
export const WINDOW = { width: 1100, height: 900 };

/** Process groups still running, ended on exit whatever happens. */
const groups = new Set();
process.on('exit', () => {
  for (const pid of groups) killGroup(pid);
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1)));
}

function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
  groups.delete(pid);
}

/** The absolute path of a command on PATH (also ~/.cargo/bin), or an error saying how to get it. */
function which(command) {
  const dirs = [...(process.env.PATH ?? '').split(':'), path.join(process.env.CARGO_HOME ?? path.join(homedir(), '.cargo'), 'bin')];
  for (const dir of dirs) {
    const file = path.join(dir, command);
    if (dir && existsSync(file)) return file;
  }
  throw new Error(`${command} not found on PATH: run scripts/setup-test.sh (as root) to install the browser engines`);
}

/** WebKitGTK's MiniBrowser, from the files of libwebkit2gtk-4.1-0. */
function miniBrowser() {
  const files = execFileSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' }).split('\n');
  const found = files.find((f) => f.endsWith('/MiniBrowser'));
  if (!found) throw new Error('MiniBrowser not found in libwebkit2gtk-4.1-0 (dpkg -L)');
  return found;
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Spawns `command` in a process group of its own, remembered until stopped. */
function start(command, args, env, stdio = ['ignore', 'ignore', 'pipe']) {
  const child = spawn(command, args, { env, stdio, detached: true });
  groups.add(child.pid);
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  child.stderr?.unref?.();
  child.unref();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Ends the group and waits (5 s at most) until the process is gone.
  const stop = async () => {
    killGroup(child.pid);
    let timer;
    await Promise.race([exited, new Promise((r) => { timer = setTimeout(r, 5000); })]);
    clearTimeout(timer);
  };
  return { child, stderr: () => stderr, stop };
}

/** Waits until a driver answers /status as ready (or its process ends). */
async function waitReady(url, proc, timeout = 30000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (proc.child.exitCode !== null) break;
    try {
      const res = await fetch(`${url}/status`);
      if (res.ok && (await res.json()).value?.ready !== false) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${proc.child.spawnargs[0]} did not answer at ${url}: ${proc.stderr()}`);
}

/** An X server on a free display (Xvfb -displayfd picks it); resolves to ':N'. */
async function startXvfb(env) {
  const proc = start(which('Xvfb'), ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], env,
    ['ignore', 'ignore', 'pipe', 'pipe']);
  const display = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb gave no display: ${proc.stderr()}`)), 20000);
    proc.child.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    proc.child.on('exit', () => reject(new Error(`Xvfb ended: ${proc.stderr()}`)));
  });
  proc.child.stdio[3].unref?.();
  return { display, stop: proc.stop };
}

/** A scratch folder for HOME, TMPDIR and XDG_*, and the environment pointing there. */
function scratchEnv(name) {
  const dir = mkdtempSync(path.join(tmpdir(), `paperdeck-engine-${name}-`));
  const env = { ...process.env, HOME: dir, TMPDIR: path.join(dir, 'tmp') };
  for (const [key, sub] of [['XDG_CACHE_HOME', 'cache'], ['XDG_CONFIG_HOME', 'config'], ['XDG_DATA_HOME', 'data'], ['XDG_RUNTIME_DIR', 'run']]) {
    env[key] = path.join(dir, sub);
  }
  for (const key of ['TMPDIR', 'XDG_CACHE_HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_RUNTIME_DIR']) {
    mkdirSync(env[key], { recursive: true, mode: 0o700 });
  }
  // No desktop session bus, accessibility bus or GPU here.
  env.NO_AT_BRIDGE = '1';
  env.LIBGL_ALWAYS_SOFTWARE = '1';
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  delete env.DBUS_SESSION_BUS_ADDRESS;
  return { dir, env };
}

/** The browser's version, as its binary prints it (WebKitGTK: the Debian package's). */
function version(name, binary) {
  try {
    if (name === 'webkit') {
      return `WebKitGTK ${execFileSync('dpkg-query', ['-W', '-f', '${Version}', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' })}`;
    }
    return execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, HOME: tmpdir() } }).trim();
  } catch {
    return `${name} (version unknown)`;
  }
}

/**
 * Starts `name` (one of ENGINES): resolves to { driver, version, stop }. `stop` quits the
 * session and ends the driver, the browser and Xvfb, whether or not the session started.
 */
export async function startEngine(name) {
  const { dir, env } = scratchEnv(name);
  const stops = [];
  const stop = async (driver) => {
    if (driver) {
      // A browser that hangs is ended with its group below, after 10 s at most.
      let timer;
      await Promise.race([driver.quit().catch(() => {}), new Promise((r) => { timer = setTimeout(r, 10000); })]);
      clearTimeout(timer);
    }
    for (const s of stops.reverse()) await s();
    stops.length = 0;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    let proc;
    let caps;
    let binary;
    if (name === 'chromium') {
      binary = which('chromium');
      proc = start(which('chromedriver'), [`--port=${port}`], env);
      caps = {
        browserName: 'chrome',
        'goog:chromeOptions': {
          binary,
          args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
            `--user-data-dir=${path.join(dir, 'profile')}`, `--window-size=${WINDOW.width},${WINDOW.height}`],
        },
      };
    } else if (name === 'firefox') {
      // The binary itself, not a wrapper script: geckodriver must control its process.
      binary = realpathSync(which('firefox-esr'));
      proc = start(which('geckodriver'), ['--port', String(port), '--host', '127.0.0.1', '--profile-root', env.TMPDIR], env);
      caps = {
        browserName: 'firefox',
        'moz:firefoxOptions': {
          binary,
          args: ['-headless', `-width=${WINDOW.width}`, `-height=${WINDOW.height}`],
          prefs: {
            'app.update.enabled': false,
            'browser.shell.checkDefaultBrowser': false,
            'datareporting.policy.dataSubmissionEnabled': false,
            'toolkit.telemetry.enabled': false,
          },
        },
      };
    } else if (name === 'webkit') {
      const xvfb = await startXvfb(env);
      stops.push(xvfb.stop);
      env.DISPLAY = xvfb.display;
      binary = miniBrowser();
      proc = start(which('WebKitWebDriver'), [`--port=${port}`, '--host=127.0.0.1'], env);
      // No browserName: WebKitWebDriver matches on the options (a MiniBrowser without
      // --automation never answers).
      caps = { 'webkitgtk:browserOptions': { binary, args: ['--automation'] } };
    } else {
      throw new Error(`unknown engine ${name}`);
    }
    stops.push(proc.stop);
    await waitReady(url, proc);
    const driver = wd.WebDriver.createSession(new Executor(new HttpClient(url)), new wd.Capabilities(caps));
    try {
      await driver.getSession();
    } catch (e) {
      throw new Error(`${name}: no session: ${e.message}\n${proc.stderr()}`);
    }
    await driver.manage().setTimeouts({ script: 30000, pageLoad: 60000 });
    await driver.manage().window().setRect({ x: 0, y: 0, ...WINDOW }).catch(() => {});
    return { driver, version: version(name, binary), stop: () => stop(driver) };
  } catch (e) {
    await stop(null);
    throw e;
  }
}
