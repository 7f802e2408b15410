import { ruleTable } from '../helpers/rule-table';

/** Lines joined with LF and a final break. */
const y = (...lines: string[]) => lines.join('\n') + '\n';
const crlf = (s: string) => s.replace(/\n/g, '\r\n');

const head = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    spec:', '      containers:'];

ruleTable('resource-requests', {
  valid: [
    { name: 'cpu and memory requested', code: y(...head, '      - name: app', '        image: app:1', '        resources:', '          requests:', '            cpu: 250m', '            memory: 256Mi') },
    { name: 'flow style', code: y(...head, '      - {name: app, image: "app:1", resources: {requests: {cpu: 1, memory: 1Gi}}}') },
    {
      name: 'pod-level resources cover the containers',
      code: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  resources:', '    requests: {cpu: 500m, memory: 512Mi}', '  containers:', '  - name: app', '    image: app:1'),
    },
    {
      name: 'requests shared through an anchor and a merge key',
      code: y(
        ...head,
        '      - name: app',
        '        image: app:1',
        '        resources: &res',
        '          requests: {cpu: 100m, memory: 64Mi}',
        '      - name: side',
        '        image: side:1',
        '        resources: *res',
        '      - <<: {resources: {requests: {cpu: 1m, memory: 1Mi}}}',
        '        name: merged',
        '        image: m:1',
      ),
    },
    {
      name: 'Helm: a templated container may hold its resources',
      filename: 'templates/deployment.yaml',
      code: y(...head, '        - name: app', '          image: "{{ .Values.image }}"', '          resources:', '            {{- toYaml .Values.resources | nindent 12 }}'),
    },
    { name: 'Argo Workflow (a CRD) is not a workload', code: y('apiVersion: argoproj.io/v1alpha1', 'kind: Workflow', 'metadata: {generateName: w-}', 'spec:', '  templates:', '  - name: main', '    container:', '      image: alpine:3.19') },
    { name: 'OpenShift DeploymentConfig stays silent', code: y('apiVersion: apps.openshift.io/v1', 'kind: DeploymentConfig', 'metadata: {name: d}', 'spec:', '  template:', '    spec:', '      containers:', '      - name: a', '        image: a:1') },
    { name: 'a Service has no containers', code: y('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', 'spec:', '  ports: [{port: 80}]') },
  ],
  invalid: [
    {
      // what `kubectl get -o yaml` prints: kubectl applies each item (#14)
      name: 'the items of a List are objects',
      code: y('apiVersion: v1', 'kind: List', 'items:', '- apiVersion: v1', '  kind: Pod', '  metadata: {name: p}', '  spec:', '    containers: [{name: a, image: "a:1"}]'),
      errors: ['8:25-8:26'],
      messages: ['Container `a` has no CPU and memory request'],
    },
    {
      name: 'no resources: block style, 2-space indent, sequence not indented, comments kept',
      code: y(...head, '      - name: app # main', '        image: app:1', '        # end of app', '      volumes: []'),
      errors: ['9:15-9:18'],
      messages: ['Container `app` has no CPU and memory request: the scheduler places it as if it needed nothing'],
      output: y(...head, '      - name: app # main', '        image: app:1', '        resources:', '          requests:', '            cpu: 100m', '            memory: 128Mi', '        # end of app', '      volumes: []'),
    },
    {
      name: '4-space indent, indented sequences',
      code: y('apiVersion: v1', 'kind: Pod', 'metadata:', '    name: p', 'spec:', '    containers:', '        -   name: app', '            image: app:1', '            ports:', '                -   containerPort: 80'),
      errors: ['7:19-7:22'],
      output: y(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '    name: p',
        'spec:',
        '    containers:',
        '        -   name: app',
        '            image: app:1',
        '            ports:',
        '                -   containerPort: 80',
        '            resources:',
        '                requests:',
        '                    cpu: 100m',
        '                    memory: 128Mi',
      ),
    },
    {
      name: 'only limits: requests copy the limits, placed beside them',
      code: y(...head, '      - name: app', '        image: app:1', '        resources:', '          limits:', '            cpu: "2"', '            memory: 1Gi'),
      errors: ['9:15-9:18'],
      messages: ['sets no CPU and memory request, so Kubernetes copies the limit'],
      output: y(...head, '      - name: app', '        image: app:1', '        resources:', '          limits:', '            cpu: "2"', '            memory: 1Gi', '          requests:', '            cpu: "2"', '            memory: 1Gi'),
    },
    {
      name: 'memory limit only: the CPU request is missing, the memory request follows the limit',
      code: y(...head, '      - name: app', '        image: app:1', '        resources:', '          limits: {memory: 512Mi}'),
      errors: ['9:15-9:18'],
      messages: ['has no CPU request (its memory request silently follows the limit): the scheduler reserves no CPU for it, so it can land on a busy node, and under contention it gets the smallest share of CPU. Set resources.requests.cpu and resources.requests.memory.'],
      output: y(...head, '      - name: app', '        image: app:1', '        resources:', '          limits: {memory: 512Mi}', '          requests:', '            cpu: 100m', '            memory: 512Mi'),
    },
    {
      name: 'requests with only cpu: memory goes inside requests',
      code: y(...head, '      - name: app', '        image: app:1', '        resources:', '          requests:', '            cpu: 50m', '          limits:', '            cpu: "1"'),
      errors: ['9:15-9:18'],
      messages: ['Container `app` has no memory request: the scheduler reserves no memory for it, so it can land on a node without room for it, and it is among the first evicted under memory pressure. Set resources.requests.memory.'],
      output: y(...head, '      - name: app', '        image: app:1', '        resources:', '          requests:', '            cpu: 50m', '            memory: 128Mi', '          limits:', '            cpu: "1"'),
    },
    {
      name: 'flow-style requests',
      code: y(...head, '      - name: app', '        image: app:1', '        resources:', '          requests: {cpu: 50m}'),
      errors: ['9:15-9:18'],
      output: y(...head, '      - name: app', '        image: app:1', '        resources:', '          requests: {cpu: 50m, memory: 128Mi}'),
    },
    {
      name: 'empty flow resources',
      code: y(...head, '      - name: app', '        image: app:1', '        resources: {}'),
      errors: ['9:15-9:18'],
      output: y(...head, '      - name: app', '        image: app:1', '        resources: {requests: {cpu: 100m, memory: 128Mi}}'),
    },
    {
      name: 'empty flow requests',
      code: y(...head, '      - name: app', '        image: app:1', '        resources: {requests: {}}'),
      errors: ['9:15-9:18'],
      output: y(...head, '      - name: app', '        image: app:1', '        resources: {requests: {cpu: 100m, memory: 128Mi}}'),
    },
    {
      name: 'flow-style container',
      code: y(...head, '      - {name: app, image: "app:1"}'),
      errors: ['9:16-9:19'],
      output: y(...head, '      - {name: app, image: "app:1", resources: {requests: {cpu: 100m, memory: 128Mi}}}'),
    },
    {
      name: 'resources: with no value is filled in place',
      code: y(...head, '      - name: app', '        resources:', '        image: app:1'),
      errors: ['9:15-9:18'],
      output: y(...head, '      - name: app', '        resources:', '          requests:', '            cpu: 100m', '            memory: 128Mi', '        image: app:1'),
    },
    {
      name: 'a document after ---, CRLF',
      code: crlf(y('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', '---', 'apiVersion: batch/v1', 'kind: Job', 'metadata: {name: j}', 'spec:', '  template:', '    spec:', '      containers:', '        - name: task', '          image: task:1')),
      errors: ['12:17-12:21'],
      output: crlf(
        y('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', '---', 'apiVersion: batch/v1', 'kind: Job', 'metadata: {name: j}', 'spec:', '  template:', '    spec:', '      containers:', '        - name: task', '          image: task:1', '          resources:', '            requests:', '              cpu: 100m', '              memory: 128Mi'),
      ),
    },
    {
      name: 'init containers, native sidecars and CronJob containers count too',
      code: y(
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata: {name: c}',
        'spec:',
        '  schedule: "0 * * * *"',
        '  jobTemplate:',
        '    spec:',
        '      template:',
        '        spec:',
        '          initContainers:',
        '          - name: migrate',
        '            image: m:1',
        '          - name: proxy',
        '            image: p:1',
        '            restartPolicy: Always',
        '          containers:',
        '          - name: run',
        '            image: r:1',
      ),
      errors: ['11:19-11:26', '13:19-13:24', '17:19-17:22'],
    },
    {
      name: 'a nameless container is reported at the start of its map',
      code: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - image: app:1'),
      errors: ['6:5-6:6'],
      output: y('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - image: app:1', '    resources:', '      requests:', '        cpu: 100m', '        memory: 128Mi'),
    },
    {
      name: 'requests that come from an anchor are not edited in place',
      code: y(...head, '      - name: app', '        image: app:1', '        resources:', '          requests: &req {cpu: 50m}', '      - name: side', '        image: side:1', '        resources:', '          requests: *req'),
      errors: ['9:15-9:18', '13:15-13:19'],
      fixOf: 1,
      noFix: true,
    },
  ],
});
