import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { findHelmlite, renderChart } from './helmlite';
import { type Manifest, validateManifest } from './kubernetes-validation';

const repoRoot = path.resolve(__dirname, '..', '..');
const chartDir = path.join(repoRoot, 'deploy', 'helm', 'lianxin');
const helmlite = findHelmlite(repoRoot);
if (!helmlite) {
  console.warn(
    'SKIPPED deploy/helm chart tests: no helm or helmlite (needs Go + Sprig from Debian; .ci/run installs them).',
  );
}
const describeChart = helmlite ? describe : describe.skip;

function render(args: readonly string[] = []): Manifest[] {
  const result = renderChart(helmlite as string, chartDir, args);
  if (result.status !== 0) throw new Error(`render failed: ${result.stderr}`);
  return parseAllDocuments(result.stdout)
    .map((doc) => doc.toJS() as Manifest | null)
    .filter((doc): doc is Manifest => doc !== null);
}

function ofKind(manifests: Manifest[], kind: string): Manifest[] {
  return manifests.filter((m) => m.kind === kind);
}

interface PodTemplateSpec {
  securityContext: { runAsNonRoot?: boolean };
  containers: {
    name: string;
    securityContext: {
      readOnlyRootFilesystem?: boolean;
      allowPrivilegeEscalation?: boolean;
      runAsNonRoot?: boolean;
    };
    livenessProbe?: unknown;
    readinessProbe?: unknown;
    env: { name: string; value?: string; valueFrom?: unknown }[];
  }[];
}

function podSpec(m: Manifest): PodTemplateSpec {
  return (m as unknown as { spec: { template: { spec: PodTemplateSpec } } }).spec.template.spec;
}

const valueSets: Record<string, string[]> = {
  defaults: [],
  'with the Prometheus Operator API': ['--api-versions', 'monitoring.coreos.com/v1'],
  'fixed replicas, no network policy, one service off': [
    '--set',
    'serviceDefaults.autoscaling.enabled=false',
    '--set',
    'networkPolicy.enabled=false',
    '--set',
    'services.pairing-visits.enabled=false',
  ],
  'production overrides': [
    '--set',
    'global.image.tag=1.2.3',
    '--set',
    'global.otlpEndpoint=http://otel-collector.monitoring:4318',
    '--set',
    'services.member-registry.replicas=4',
    '--set',
    'services.member-registry.resources.limits.memory=1Gi',
  ],
};

describeChart('the Helm chart', () => {
  describe.each(Object.entries(valueSets))('rendered with %s', (_label, args) => {
    // Rendered in beforeAll, not while Jest collects tests: collection runs even for a skipped describe.
    let manifests: Manifest[] = [];
    beforeAll(() => {
      manifests = render(args);
    });

    it('renders only manifests valid against their Kubernetes schemas', () => {
      expect(manifests.length).toBeGreaterThan(0);
      for (const manifest of manifests) {
        expect(() => validateManifest(manifest)).not.toThrow();
      }
    });

    it('runs every container as non-root with a read-only root filesystem', () => {
      const workloads = [...ofKind(manifests, 'Deployment'), ...ofKind(manifests, 'Job')];
      expect(workloads.length).toBeGreaterThan(0);
      for (const workload of workloads) {
        const spec = podSpec(workload);
        expect(spec.securityContext.runAsNonRoot).toBe(true);
        for (const container of spec.containers) {
          expect(container.securityContext).toMatchObject({
            readOnlyRootFilesystem: true,
            allowPrivilegeEscalation: false,
            runAsNonRoot: true,
          });
        }
      }
    });

    it('gives every service liveness and readiness probes and secrets only by reference', () => {
      for (const deployment of ofKind(manifests, 'Deployment')) {
        for (const container of podSpec(deployment).containers) {
          expect(container.livenessProbe).toBeDefined();
          expect(container.readinessProbe).toBeDefined();
          const databaseUrl = container.env.find((e) => e.name === 'DATABASE_URL');
          expect(databaseUrl?.value).toBeUndefined();
          expect(databaseUrl?.valueFrom).toBeDefined();
        }
      }
    });

    it('runs migrations as a pre-install/pre-upgrade hook job per service', () => {
      const jobs = ofKind(manifests, 'Job');
      expect(jobs).toHaveLength(ofKind(manifests, 'Deployment').length);
      for (const job of jobs) {
        expect(job.metadata.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
      }
    });

    it('keeps Kafka topics when the release is uninstalled', () => {
      const topics = ofKind(manifests, 'KafkaTopic');
      expect(topics.length).toBeGreaterThan(0);
      for (const topic of topics) {
        expect(topic.metadata.annotations?.['helm.sh/resource-policy']).toBe('keep');
      }
    });
  });

  it('renders a ServiceMonitor only where the Prometheus Operator API exists', () => {
    expect(ofKind(render(), 'ServiceMonitor')).toHaveLength(0);
    expect(ofKind(render(valueSets['with the Prometheus Operator API'] ?? []), 'ServiceMonitor').length).toBe(
      ofKind(render(), 'Deployment').length,
    );
  });

  it('sets replicas only when autoscaling is off, and drops disabled services entirely', () => {
    const fixed = render(valueSets['fixed replicas, no network policy, one service off']);
    expect(ofKind(fixed, 'HorizontalPodAutoscaler')).toHaveLength(0);
    expect(ofKind(fixed, 'NetworkPolicy')).toHaveLength(0);
    expect(fixed.some((m) => m.metadata.name.includes('pairing-visits'))).toBe(false);
    for (const deployment of ofKind(fixed, 'Deployment')) {
      expect((deployment as unknown as { spec: { replicas?: number } }).spec.replicas).toBe(2);
    }
    for (const deployment of ofKind(render(), 'Deployment')) {
      expect((deployment as unknown as { spec: { replicas?: number } }).spec.replicas).toBeUndefined();
    }
  });

  it('lets only gateway pods (and monitoring) reach the internal services', () => {
    const policies = ofKind(render(), 'NetworkPolicy');
    const registry = policies.find((p) => p.metadata.name === 'lx-member-registry');
    const gateway = policies.find((p) => p.metadata.name === 'lx-gateway');
    expect(JSON.stringify(registry)).toContain('"app.kubernetes.io/name":"gateway"');
    expect(JSON.stringify(gateway)).not.toContain('"from"');
  });

  it('points the gateway at every upstream by its in-cluster service name', () => {
    const gateway = ofKind(render(), 'Deployment').find((d) => d.metadata.name === 'lx-gateway');
    const env = podSpec(gateway as Manifest).containers[0]?.env ?? [];
    expect(env).toEqual(
      expect.arrayContaining([
        { name: 'UPSTREAM_REGISTRY_URL', value: 'http://lx-member-registry:8080' },
        { name: 'UPSTREAM_PAIRING_URL', value: 'http://lx-pairing-visits:8080' },
      ]),
    );
  });

  it.each([
    ['an unknown key', ['--set', 'services.gateway.replicaz=3']],
    ['a bad log level', ['--set', 'global.logLevel=loud']],
    ['a privileged port', ['--set', 'serviceDefaults.port=80']],
    ['a non-https JWKS URL scheme', ['--set', 'global.auth.jwksUrl=ftp://x']],
  ])('refuses values with %s (values.schema.json)', (_label, args) => {
    expect(renderChart(helmlite as string, chartDir, args).status).not.toBe(0);
  });
});
