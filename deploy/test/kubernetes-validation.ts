import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Service } from 'kubernetes-models/v1';
import { z } from 'zod';

export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
} & Record<string, unknown>;

/** Strimzi publishes no JSON schema package on npm; this is the part of its CRD the chart uses. */
const kafkaTopicSchema = z.strictObject({
  apiVersion: z.literal('kafka.strimzi.io/v1beta2'),
  kind: z.literal('KafkaTopic'),
  metadata: z.object({
    name: z
      .string()
      .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/)
      .max(63),
    labels: z
      .record(z.string(), z.string())
      .refine((labels) => 'strimzi.io/cluster' in labels, 'strimzi.io/cluster label'),
    annotations: z.record(z.string(), z.string()).optional(),
  }),
  spec: z.strictObject({
    topicName: z.string().min(1),
    partitions: z.number().int().positive(),
    replicas: z.number().int().positive(),
    config: z.record(z.string(), z.string()),
  }),
});

type Validator = (manifest: Manifest) => void;

const validators: Record<string, Validator> = {
  'apps/v1/Deployment': (m) => new Deployment(m as never).validate(),
  'v1/Service': (m) => new Service(m as never).validate(),
  'autoscaling/v2/HorizontalPodAutoscaler': (m) => new HorizontalPodAutoscaler(m as never).validate(),
  'policy/v1/PodDisruptionBudget': (m) => new PodDisruptionBudget(m as never).validate(),
  'networking.k8s.io/v1/NetworkPolicy': (m) => new NetworkPolicy(m as never).validate(),
  'batch/v1/Job': (m) => new Job(m as never).validate(),
  'monitoring.coreos.com/v1/ServiceMonitor': (m) => new ServiceMonitor(m as never).validate(),
  'kafka.strimzi.io/v1beta2/KafkaTopic': (m) => {
    kafkaTopicSchema.parse(m);
  },
};

/** Validates a rendered manifest against the Kubernetes (or CRD) schema of its kind. */
export function validateManifest(manifest: Manifest): void {
  const key = `${manifest.apiVersion}/${manifest.kind}`;
  const validate = validators[key];
  if (!validate)
    throw new Error(`no schema known for ${key} (${manifest.metadata.name}); add one before rendering it`);
  validate(manifest);
}
