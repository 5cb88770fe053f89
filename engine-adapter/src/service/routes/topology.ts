import { Router } from 'express';

/** GET /topology: one broker that leads its one partition while this process serves. */
export function topologyRoutes(info: { version: string; host: string; port: () => number; leading: () => boolean }): Router {
  const router = Router();
  router.get('/topology', (_req, res) => {
    res.json({
      brokers: [{
        nodeId: 0, host: info.host, port: info.port(), version: info.version,
        partitions: [{ partitionId: 1, role: info.leading() ? 'leader' : 'inactive', health: 'healthy' }],
      }],
      clusterSize: 1, partitionsCount: 1, replicationFactor: 1, gatewayVersion: info.version, lastCompletedChangeId: '-1',
    });
  });
  return router;
}
