import { ruleTable } from '../helpers/rule-table';

const y = (...lines: string[]) => lines.join('\n') + '\n';

const deployment = (replicas: string | undefined, ...pod: string[]) =>
  y('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: db}', 'spec:', ...(replicas ? [`  replicas: ${replicas}`] : []), '  template:', '    spec:', ...pod);

const pvcPod = ['      containers:', '      - name: app', '        image: app:1', '        volumeMounts: [{name: data, mountPath: /data}]', '      volumes:', '      - name: data', '        persistentVolumeClaim:', '          claimName: data'];

ruleTable('stateless-deployment', {
  valid: [
    { name: 'StatefulSet runs the database', code: y('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata: {name: pg}', 'spec:', '  template:', '    spec:', '      containers: [{name: pg, image: "postgres:16"}]') },
    { name: 'a PVC with one replica', code: deployment('1', ...pvcPod) },
    { name: 'a PVC with replicas unset (1)', code: deployment(undefined, ...pvcPod) },
    { name: 'init container waits for the database with its image', code: deployment('3', '      initContainers:', '      - name: wait', '        image: postgres:16', '        command: [sh, -c, "until pg_isready -h db; do sleep 1; done"]', '      containers: [{name: app, image: "app:1"}]') },
    {
      name: 'a ReadWriteMany claim declared in the same file may be shared',
      code: deployment('3', ...pvcPod) + y('---', 'apiVersion: v1', 'kind: PersistentVolumeClaim', 'metadata: {name: data}', 'spec:', '  accessModes: [ReadWriteMany]', '  resources: {requests: {storage: 1Gi}}'),
    },
    { name: 'Helm: templated replicas', filename: 'templates/d.yaml', code: deployment('{{ .Values.replicas }}', ...pvcPod) },
    { name: 'Helm: templated image', filename: 'templates/d.yaml', code: deployment('1', '      containers:', '      - name: app', '        image: "{{ .Values.image }}"') },
    { name: 'exporter images are not databases', code: deployment('2', '      containers: [{name: x, image: "prometheuscommunity/postgres-exporter:v0.15.0"}]') },
    { name: 'a claim no container mounts', code: deployment('3', '      containers: [{name: app, image: "app:1"}]', '      volumes:', '      - name: data', '        persistentVolumeClaim: {claimName: data}') },
    { name: 'DeploymentConfig is not checked', code: y('apiVersion: apps.openshift.io/v1', 'kind: DeploymentConfig', 'metadata: {name: d}', 'spec:', '  template:', '    spec:', '      containers: [{name: pg, image: "postgres:16"}]') },
  ],
  invalid: [
    {
      name: 'database image: reported on the image',
      code: deployment('1', '      containers:', '      - name: pg', '        image: postgres:16.2-alpine # primary'),
      errors: ['10:16-10:36'],
      messages: ['Deployment `db` runs the database image `postgres:16.2-alpine`'],
      noFix: true,
    },
    {
      name: 'registry path and flow style',
      code: deployment(undefined, '      containers: [{name: k, image: "docker.io/bitnami/kafka:3.7"}]'),
      errors: ['7:37-7:66'],
    },
    {
      name: 'PVC with replicas > 1: reported on the claim name',
      code: deployment('3', ...pvcPod),
      errors: ['15:22-15:26'],
      messages: ['Deployment `db` runs 3 replicas on the PersistentVolumeClaim `data`'],
    },
    {
      name: 'a ReadWriteOnce claim in the same file is still reported; ReplicaSet',
      code:
        y('apiVersion: apps/v1', 'kind: ReplicaSet', 'metadata: {name: rs}', 'spec:', '  replicas: 2', '  template:', '    spec:', ...pvcPod) +
        y('---', 'apiVersion: v1', 'kind: PersistentVolumeClaim', 'metadata: {name: data}', 'spec:', '  accessModes: [ReadWriteOnce]'),
      errors: ['15:22-15:26'],
      messages: ['ReplicaSet `rs` runs 2 replicas'],
    },
  ],
});
