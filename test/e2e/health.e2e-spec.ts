import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';
import { DEMO_MODELS } from '../utils/test-app';
import { createTestDatabase } from '../utils/test-database';
import { TcpProxy } from '../utils/tcp-proxy';

describe('health (e2e)', () => {
  let app: NestFastifyApplication;
  let proxy: TcpProxy;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    const target = new URL(db.url);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    const port = await proxy.start();
    const config = loadConfig({
      MODELS_DIR: DEMO_MODELS,
      LOG_LEVEL: 'silent',
      DATABASE_URL: TcpProxy.via(db.url, port),
    });
    app = await createApp(config);
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
    await proxy.cut();
    await drop();
  });

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('is live', async () => {
    const res = await get('/health/live');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok' });
  });

  it('is ready with the database and models up, and names the ready models', async () => {
    const res = await get('/health/ready');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ok');
    expect(body.info.database.status).toBe('up');
    expect(body.info.models.ready).toEqual(
      expect.arrayContaining(['loan-risk@1', 'loan-risk@2', 'house-price@1']),
    );
    expect(body.info.prediction_log.status).toBe('up');
  });

  it('is 503 with the database down, and ready again when it is back', async () => {
    await proxy.cut();
    const down = await get('/health/ready');
    expect(down.statusCode).toBe(503);
    expect(down.json().status).toBe('error');
    expect(down.json().error.database.status).toBe('down');
    // predictions keep being served while the database is away
    const live = await get('/health/live');
    expect(live.statusCode).toBe(200);

    await proxy.restore();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await get('/health/ready')).statusCode;
      if (status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  });
});
