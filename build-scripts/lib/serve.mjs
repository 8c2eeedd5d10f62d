// node build-scripts/lib/serve.mjs DIR — serves DIR on $PORT (default 8000) until stopped.
import { startStaticServer } from './static-server.mjs';

const root = process.argv[2] ?? 'dist';
const port = Number(process.env.PORT ?? 8000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT no es un puerto válido: ${process.env.PORT}`);
  process.exit(2);
}
try {
  const { url } = await startStaticServer({ root, port, host: process.env.HOST ?? '127.0.0.1' });
  console.log(`Lección disponible en ${url}  (Ctrl+C para parar)`);
} catch (error) {
  console.error(`No se ha podido abrir el puerto ${port}: ${error.message}`);
  process.exit(1);
}
