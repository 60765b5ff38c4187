/**
 * The release's nginx configuration, checked by nginx itself: `nginx -t` on it as shipped (only the certificate,
 * folder and ports moved to this machine), and the same configuration serving an unpacked release on 127.0.0.1 so a
 * test can read the headers a coordinator's Excel would get. nginx runs in the foreground as one process, under a
 * temporary prefix, and is stopped by the test that started it.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import fs from 'fs';
import https from 'https';
import net from 'net';
import os from 'os';
import path from 'path';

const MISSING_NGINX = 'nginx не найден: установите пакет nginx-light (scripts/setup.sh) — без него конфигурацию nginx выпуска не проверить';
const MISSING_OPENSSL = 'openssl не найден: установите пакет openssl — он нужен, чтобы выпустить тестовый сертификат для nginx';

function findTool(name: string, missing: string): string {
  for (const dir of [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin']) {
    const p = path.join(dir, name);
    if (dir && fs.existsSync(p)) return p;
  }
  throw new Error(missing);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Replaces `from` in `text`, which must occur exactly once — a configuration of another shape fails the test. */
function once(text: string, from: string, to: string): string {
  const n = text.split(from).length - 1;
  if (n !== 1) throw new Error(`в конфигурации nginx «${from}» встречается ${n} раз(а), ожидался 1`);
  return text.replace(from, () => to);
}

export interface NginxRun {
  /** nginx's own directory (configuration, certificate, pid, temporary files). */
  prefix: string;
  /** The main configuration file that includes the release's. */
  conf: string;
  httpsPort: number;
  httpPort: number;
}

/**
 * The release's configuration `site` moved to this machine: its certificate paths to a fresh self-signed one, its
 * alias to `dir`, its ports to free ones on 127.0.0.1. Everything else stays as shipped.
 */
export async function prepareNginx(site: string, hostname: string, dir: string): Promise<NginxRun> {
  findTool('nginx', MISSING_NGINX); // before anything is made: a missing nginx fails with what to install
  const openssl = findTool('openssl', MISSING_OPENSSL);
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'pk-nginx-'));
  const crt = path.join(prefix, 'site.crt');
  const key = path.join(prefix, 'site.key');
  const made = spawnSync(openssl, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${hostname}`, '-keyout', key, '-out', crt], {
    encoding: 'utf8',
  });
  if (made.status !== 0) throw new Error(`openssl не выпустил сертификат: ${made.stderr}`);
  const [httpsPort, httpPort] = [await freePort(), await freePort()];
  let conf = site;
  conf = once(conf, 'listen 443 ssl;', `listen 127.0.0.1:${httpsPort} ssl;`);
  conf = once(conf, 'listen 80;', `listen 127.0.0.1:${httpPort};`);
  conf = once(conf, `/etc/ssl/certs/${hostname}.fullchain.pem`, crt);
  conf = once(conf, `/etc/ssl/private/${hostname}.key`, key);
  conf = once(conf, 'alias /var/www/profkampaniya/;', `alias ${dir.replace(/\/?$/, '/')};`);
  fs.writeFileSync(path.join(prefix, 'site.conf'), conf);
  for (const t of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(path.join(prefix, t));
  const main = path.join(prefix, 'nginx.conf');
  fs.writeFileSync(
    main,
    `daemon off;
master_process off;
pid ${prefix}/nginx.pid;
error_log stderr warn;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path ${prefix}/body;
    proxy_temp_path ${prefix}/proxy;
    fastcgi_temp_path ${prefix}/fastcgi;
    uwsgi_temp_path ${prefix}/uwsgi;
    scgi_temp_path ${prefix}/scgi;
    include ${prefix}/site.conf;
}
`,
  );
  return { prefix, conf: main, httpsPort, httpPort };
}

/** `nginx -t` on the prepared configuration: its status and what it said. */
export function nginxTest(run: NginxRun): { status: number | null; output: string } {
  const t = spawnSync(findTool('nginx', MISSING_NGINX), ['-t', '-p', run.prefix, '-c', run.conf], { encoding: 'utf8' });
  return { status: t.status, output: `${t.stdout}${t.stderr}` };
}

/** nginx serving the prepared configuration until `stop()`; resolves once it answers. */
export async function startNginx(run: NginxRun): Promise<{ stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(findTool('nginx', MISSING_NGINX), ['-p', run.prefix, '-c', run.conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let said = '';
  child.stderr?.on('data', (d) => (said += String(d)));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx остановился: ${said}`);
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(run.httpsPort, '127.0.0.1', () => (s.end(), resolve(true)));
      s.once('error', () => resolve(false));
    });
    if (up) return { stop };
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error(`nginx не начал отвечать за 5 с: ${said}`);
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** GET `pathname` over https from the local nginx, as `hostname` (a self-signed certificate: not verified). */
export function get(port: number, hostname: string, pathname: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.get(
      { host: '127.0.0.1', port, path: pathname, servername: hostname, headers: { Host: hostname }, rejectUnauthorized: false, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`нет ответа на ${pathname}`)));
  });
}
