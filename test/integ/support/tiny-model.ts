import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Aws, Stack } from 'aws-cdk-lib';
import * as s3_assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import * as tar from 'tar';
import { Model, ModelContainer, ModelData } from '../../../lib';
import { scikitLearnImage } from './scikit-learn-image';

/** The files of the tiny model, relative to test/integ/tiny-model/, in the order they enter the archive. */
export const TINY_MODEL_FILES = ['model.json', 'code/inference.py'];

/** Where the tiny model's sources live. */
export const TINY_MODEL_DIR = path.join(__dirname, '..', 'tiny-model');

/** What the tiny model answers to `{"numbers": [1, 2, 3]}` when the model of pool `pool` serves it. */
export function tinyModelAnswer(pool: string): string {
  // Python's json.dumps(..., sort_keys=True) with its default separators.
  return `{"model": "tiny-sum", "pool": "${pool}", "sum": 6}`;
}

/** A regular expression that matches the answer of the model of any of `pools`. */
export function tinyModelAnswerOf(pools: string[]): string {
  return `^(${pools.map((pool) => tinyModelAnswer(pool).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`;
}

/** The request the tests send: its answer is `tinyModelAnswer(pool)`. */
export const TINY_MODEL_REQUEST = JSON.stringify({ numbers: [1, 2, 3] });

/**
 * Packs the tiny model into `model.tar.gz`, byte for byte the same on every machine: fixed entry order, mtime 0,
 * no owner or group, the portable modes of node-tar, and a gzip header without time or OS (portable) around stored
 * (level 0) deflate blocks, which no zlib build can encode differently. The asset hash, and so the snapshots,
 * depend on these bytes only. Returns the archive's path, content-addressed under the OS temp directory.
 */
export function packTinyModel(): string {
  const tarball = tar.create({
    cwd: TINY_MODEL_DIR, sync: true, portable: true, mtime: new Date(0), noDirRecurse: true,
    gzip: { portable: true, level: 0 },
  }, TINY_MODEL_FILES) as unknown as { read(): Buffer | null };
  const chunks: Buffer[] = [];
  for (let chunk = tarball.read(); chunk !== null; chunk = tarball.read()) chunks.push(chunk);
  const bytes = Buffer.concat(chunks);
  const digest = createHash('sha256').update(bytes).digest('hex');
  const file = path.join(os.tmpdir(), 'cdk-sagemaker-instance-pools-integ', digest, 'model.tar.gz');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  }
  return file;
}

/** The tiny model's archive as an S3 asset, one per stack (construct ID `TinyModelData`). */
export function tinyModelData(scope: Construct): s3_assets.Asset {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild('TinyModelData');
  if (existing instanceof s3_assets.Asset) return existing;
  return new s3_assets.Asset(stack, 'TinyModelData', { path: packTinyModel() });
}

/**
 * A SageMaker model of the tiny model on the scikit-learn serving container. `pool` is what its answers report in
 * `pool`, so a test can tell which pool's model served a request.
 */
export function tinyModel(scope: Construct, id: string, pool: string): Model {
  const data = tinyModelData(scope);
  return new Model(scope, id, {
    container: ModelContainer.fromImage(scikitLearnImage(scope), {
      modelData: ModelData.fromBucket(data.bucket, data.s3ObjectKey),
      // The serving contract of the SageMaker framework containers: the user module and where it is.
      environment: {
        SAGEMAKER_PROGRAM: 'inference.py',
        SAGEMAKER_SUBMIT_DIRECTORY: '/opt/ml/model/code',
        SAGEMAKER_CONTAINER_LOG_LEVEL: '20',
        SAGEMAKER_REGION: Aws.REGION,
        TINY_MODEL_POOL: pool,
      },
    }),
  });
}
