{{/* Names and labels shared by every template. */}}

{{- define "lianxin.fullname" -}}
{{- printf "%s-%s" .Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "lianxin.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: lianxin
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "lianxin.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "lianxin.image" -}}
{{- $img := .Values.global.image -}}
{{- printf "%s/%s:%s" $img.registry $img.repository (default .Chart.AppVersion $img.tag) -}}
{{- end -}}

{{/*
The merged settings of every enabled service: serviceDefaults deep-merged with the service's own
entry. Returned as YAML (templates can only return strings); read it with fromYaml.
*/}}
{{- define "lianxin.services" -}}
{{- $out := dict -}}
{{- range $name, $svc := .Values.services -}}
{{- $merged := mergeOverwrite (deepCopy $.Values.serviceDefaults) (deepCopy $svc) -}}
{{- if $merged.enabled -}}
{{- $_ := set $out $name $merged -}}
{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{/* Restricted pod security: non-root, read-only root filesystem, no privilege escalation. */}}
{{- define "lianxin.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "lianxin.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: ["ALL"]
{{- end -}}

{{/* Environment common to a service's pods and its migration job. */}}
{{- define "lianxin.env" -}}
{{- $root := .root -}}
{{- $g := $root.Values.global -}}
- name: NODE_ENV
  value: production
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ $g.existingSecret }}
      key: {{ .svc.short }}-database-url
- name: DATABASE_MIGRATION_URL
  valueFrom:
    secretKeyRef:
      name: {{ $g.existingSecret }}
      key: {{ .svc.short }}-migration-database-url
- name: PII_ENCRYPTION_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $g.existingSecret }}
      key: pii-encryption-key
- name: KAFKA_BROKERS
  value: {{ $g.kafka.brokers | quote }}
- name: KAFKA_CLIENT_ID
  value: {{ .name | quote }}
- name: AUTH_ISSUER
  value: {{ $g.auth.issuer | quote }}
- name: AUTH_AUDIENCE
  value: {{ $g.auth.audience | quote }}
- name: AUTH_JWKS_URL
  value: {{ $g.auth.jwksUrl | quote }}
- name: LOG_LEVEL
  value: {{ $g.logLevel | quote }}
- name: PORT
  value: {{ .svc.port | quote }}
{{- with $g.otlpEndpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- range $upstream := (default list .svc.upstreams) }}
{{- range $otherName, $other := $.all }}
{{- if eq $other.short $upstream }}
- name: {{ printf "UPSTREAM_%s_URL" (upper $upstream) }}
  value: {{ printf "http://%s:%v" (printf "%s-%s" $root.Release.Name $otherName | trunc 63 | trimSuffix "-") $other.port | quote }}
{{- end }}
{{- end }}
{{- end }}
{{- range $k, $v := .svc.env }}
- name: {{ $k }}
  value: {{ $v | quote }}
{{- end }}
{{- end -}}
