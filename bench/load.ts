/** One load run with autocannon: the same function for the app and for the baseline. */
import autocannon from "autocannon";
import type { PreparedRequest } from "./routes";

export interface LoadTarget {
  baseUrl: string;
  request: PreparedRequest;
  connections: number;
  /** seconds measured */
  duration: number;
  /** seconds of load before the measurement, not counted */
  warmup: number;
}

export interface LoadResult {
  /** average requests per second over the measured seconds */
  reqPerSec: number;
  /** latency in ms */
  p50: number;
  p99: number;
  totalRequests: number;
  /** responses outside 2xx and 3xx */
  badResponses: number;
  /** connection errors, timeouts included */
  errors: number;
  statusCodes: Record<string, number>;
  /** the server's CPU time (all threads) per request, where the bench could read it */
  cpuMsPerRequest?: number;
}

export async function runLoad(target: LoadTarget): Promise<LoadResult> {
  const { request } = target;
  let address = 0;
  const result = await autocannon({
    url: `${target.baseUrl}${request.path}`,
    method: request.method,
    headers: request.headers,
    body: request.body,
    ...(request.spreadAddresses
      ? {
          requests: [
            {
              method: request.method,
              path: request.path,
              body: request.body,
              setupRequest: (req: { headers?: Record<string, string> }) => {
                address = (address + 1) % 16_000_000;
                const forwarded = `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
                return { ...req, headers: { ...request.headers, ...req.headers, "x-forwarded-for": forwarded } };
              },
            },
          ],
        }
      : {}),
    connections: target.connections,
    duration: target.duration,
    warmup: target.warmup > 0 ? { connections: target.connections, duration: target.warmup } : undefined,
  });
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    totalRequests: result.requests.total,
    badResponses: result["1xx"] + result["4xx"] + result["5xx"],
    errors: result.errors,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
  };
}
