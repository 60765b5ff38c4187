/**
 * Builds the task pane (React) and the ribbon commands into dist/.
 *  npm run build   production build
 *  npm start       dev server on port 3000: https with office-addin-dev-certs (what Office needs), or plain http when
 *                  certificates cannot be had (PK_HTTP=1 forces it) — enough for the pane in a plain browser.
 * The spreadsheet reader and the writer (@e965/xlsx, src/files/xlsxWriter.ts) are imported dynamically by the pane,
 * so they land in their own chunks and the first screen does not wait for them.
 */
const { createHash } = require('crypto');
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_PORT = 3000;
/** The version lives in package.json only; the pane shows it (__PK_VERSION__), the release manifest carries it. */
const { version: VERSION } = require('./package.json');
/** Office.js must come from Microsoft's CDN; nothing else is loaded from outside. */
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_ORIGIN = 'https://appsforoffice.microsoft.com';

/**
 * The ES5 first script (src/taskpane/boot/first.es5.js) is copied as it is — never through swc, never through the
 * minifier (info.minimized, which the minimizer honours: it writes ES2019 such as `catch{`, and Internet Explorer 11
 * would never show the notice) — under a name carrying its content hash, and both pages load it before anything else
 * of ours. test/bootScript.test.ts parses what the build writes as ES5.
 */
const BOOT_SRC = 'src/taskpane/boot/first.es5.js';
const BOOT_JS = `boot.${createHash('sha256').update(fs.readFileSync(path.join(__dirname, BOOT_SRC))).digest('hex').slice(0, 8)}.js`;

function csp(dev) {
  return [
    "default-src 'self'",
    `script-src 'self' ${OFFICE_ORIGIN}`,
    // Fluent UI (Griffel) inserts its style rules at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${OFFICE_ORIGIN}${dev ? ' ws://localhost:* wss://localhost:*' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

async function devServerOptions() {
  const base = {
    port: DEV_PORT,
    headers: { 'Access-Control-Allow-Origin': '*' },
    static: { directory: path.resolve(__dirname, 'dist') },
    client: { overlay: false },
  };
  if (process.env.PK_HTTP === '1') return { ...base, server: 'http' };
  try {
    const devCerts = require('office-addin-dev-certs');
    // Only use certificates already installed: `npm start` must not add a CA to the machine's trust store by itself.
    if (!devCerts.isCaCertificateInstalled()) throw new Error('сертификат разработчика не установлен');
    const options = await devCerts.getHttpsServerOptions();
    return { ...base, server: { type: 'https', options } };
  } catch (e) {
    console.warn(
      `Сертификаты для https не получены (${e && e.message}). Панель будет доступна по http://localhost:${DEV_PORT}/taskpane.html — ` +
        'этого достаточно для работы с файлами в браузере; для Excel установите сертификаты: npx office-addin-dev-certs install.',
    );
    return { ...base, server: 'http' };
  }
}

/**
 * Minify with SWC instead of terser: terser spends minutes on SheetJS and other big libraries on 2 cores, SWC seconds.
 * The minimizer plugin comes with webpack; if a future webpack drops it, webpack's default minimizer is used.
 *
 * Without function inlining (compress `inline: 0`) and without `reduce_vars` (which folds a function used once into
 * its caller) — SWC's compress options as its «Minification» page lists them, after terser's «Compress options».
 * With them the readers' helpers were folded into big function expressions that Chromium's V8 optimised again and
 * again in each reading worker (Maglev and TurboFan, ~25 times per function per worker, `--js-flags=--trace-opt`):
 * V8's background compile threads took 12–15 s of CPU for 1,000 school files, more than both reading workers'
 * own JavaScript; with both off, 5–6 s, the pane's whole CPU 32–40 → 25–27 s (bench:pane, load 9–12). Only
 * both together help (either alone: 12–13 s). The bundle's size is the same (taskpane 787 → 791 KB).
 */
function fastMinimizer() {
  try {
    const MinimizerPlugin = require('minimizer-webpack-plugin');
    return [
      new MinimizerPlugin({ minify: MinimizerPlugin.swcMinify, parallel: 2, extractComments: false, minimizerOptions: { compress: { inline: 0, reduce_vars: false } } }),
    ];
  } catch {
    return ['...'];
  }
}

module.exports = async (_env, argv) => {
  const dev = argv.mode !== 'production';
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      // The ribbon's functions in the shared runtime: loaded by the pane's page, which is the function file there.
      'shared-runtime': './src/commands/sharedRuntime.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: '',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // SheetJS and other libraries reach for Node built-ins only in code paths the browser never takes.
      fallback: { fs: false, path: false, crypto: false, stream: false, os: false, zlib: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                parser: { syntax: 'typescript', tsx: true },
                transform: { react: { runtime: 'automatic' } },
                target: 'es2020',
              },
            },
          },
        },
      ],
    },
    plugins: [
      new webpack.DefinePlugin({ __PK_VERSION__: JSON.stringify(VERSION) }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane', 'shared-runtime'],
        templateParameters: { csp: csp(dev), officeJs: OFFICE_JS, bootJs: BOOT_JS },
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        templateParameters: { csp: csp(dev), officeJs: OFFICE_JS, bootJs: BOOT_JS },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: BOOT_SRC, to: BOOT_JS, info: { minimized: true } },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    performance: {
      // The first screen (taskpane entry) must stay small; lazy chunks (SheetJS, docx) may be big.
      hints: dev ? false : 'warning',
      assetFilter: (name) => /^taskpane\.[^.]+\.js$/.test(name),
      maxEntrypointSize: 1_200_000,
      maxAssetSize: 1_200_000,
    },
    optimization: { splitChunks: { chunks: 'async' }, minimizer: fastMinimizer() },
    devServer: dev ? await devServerOptions() : undefined,
  };
};
