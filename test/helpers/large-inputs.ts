// Large generated inputs for the linear-time test and bench/large-files.ts: each line shape is one that a rule
// once walked back over (earlier RUNs, ENVs, COPYs, stages; earlier documents, pods, services).

/** A Dockerfile of `lines` lines: stages, ENV/ARG, apt/pip/apk RUNs, COPYs, USERs, CMDs, ignore pragmas. */
export function largeDockerfile(lines: number): string {
  const shapes = [
    (i: number) => `RUN apt-get update && apt-get install -y pkg${i}`,
    (i: number) => `RUN pip install pkg${i}`,
    (i: number) => `ENV VAR_${i}=value${i}`,
    (i: number) => `ARG ARG_${i}=${i}`,
    (i: number) => `COPY file${i} /app/file${i}`,
    (i: number) => `RUN apk add curl${i} && echo ${i} > /var/log/app${i}.log`,
    (i: number) => `USER ${1000 + (i % 7)}`,
    (i: number) => `CMD ["app${i}"]`,
    (i: number) => `HEALTHCHECK CMD curl -f http://localhost:${i % 60000}/`,
    (i: number) => `RUN yum install -y pkg${i} && nginx &`,
    // a pragma per few instructions, and one for the whole file: suppression lookups per finding
    (i: number) => `# herd-ignore apt-clean-lists,pip-no-cache-dir -- line ${i}`,
  ];
  const out = ['# herd-ignore-file rpm-clean-cache', 'FROM ubuntu:22.04 AS base'];
  for (let i = 1; out.length < lines; i++) {
    // a new stage every 5,000 lines, some of them inheriting from the one before
    if (i % 5000 === 0) out.push(i % 10000 === 0 ? `FROM base AS s${i}` : `FROM debian:12 AS s${i}`);
    else out.push(shapes[i % shapes.length](i));
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}

/** A multi-document manifest of about `bytes` bytes: Deployments, Pods, Services, PVCs, ConfigMaps. */
export function largeManifest(bytes: number): string {
  const docs: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    let doc: string;
    switch (i % 5) {
      case 0:
        doc = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web${i}
  labels: {app: web${i}}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web${i}}
  template:
    metadata:
      labels: {app: web${i}}
    spec:
      volumes:
        - name: data
          persistentVolumeClaim: {claimName: data${i}}
      containers:
        - name: app
          image: registry.example.com/web${i}:1.${i}
          command: ["sh", "-c", "app --port 8080 > /var/log/app.log 2>&1 & tail -f /dev/null"]
          ports:
            - name: http
              containerPort: 8080
          env:
            - name: DB_PASSWORD
              value: secret${i}
          volumeMounts:
            - name: data
              mountPath: /data
        - name: logs
          image: busybox
          args: [tail, -n+1, -F, /data/app.log]
          volumeMounts:
            - name: data
              mountPath: /data
`;
        break;
      case 1:
        doc = `apiVersion: v1
kind: Service
metadata:
  name: web${i}
spec:
  selector: {app: web${i - 1}, tier: none}
  ports:
    - port: 80
      targetPort: http
`;
        break;
      case 2:
        doc = `apiVersion: v1
kind: Pod
metadata:
  name: pod${i}
  labels: {app: pod${i}}
spec:
  containers:
    - name: app
      image: nginx
      livenessProbe:
        httpGet: {path: /healthz, port: 8080}
      readinessProbe:
        httpGet: {path: /healthz, port: 8080}
      securityContext: {privileged: true}
`;
        break;
      case 3:
        doc = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data${i - 3}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
`;
        break;
      default:
        doc = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ing${i}
spec:
  rules:
    - host: web${i}.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: {service: {name: web${i - 3}, port: {number: 80}}}
`;
    }
    docs.push(doc);
    size += doc.length + 4;
  }
  return docs.join('---\n');
}
