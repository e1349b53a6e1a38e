import type { SourceDocument } from '../document';
import { allBlocks, parseHcl, unquote, type HclAttribute, type HclBlock } from '../iac/hcl';
import type { Detector, DetectorHit } from './detector';

/**
 * Terraform data stores that keep data unencrypted at rest (`check: encryption`) or open to the internet
 * (`check: public`), with the attribute or missing block as the fix.
 */
export const terraformStorage: Detector = {
  name: 'terraform-storage',
  run(doc, options) {
    if (!/\bresource\s+"(?:aws_|azurerm_|google_)/.test(doc.text)) return [];
    const resources = parseHcl(doc).filter((b) => b.type === 'resource' && b.labels.length >= 2);
    const hits: DetectorHit[] = [];
    const checks = options.check === 'public' ? PUBLIC : ENCRYPTION;
    for (const r of resources) checks[r.labels[0]]?.(r, { doc, resources, hits });
    return hits;
  },
};

interface Ctx {
  doc: SourceDocument;
  resources: HclBlock[];
  hits: DetectorHit[];
}

type Check = (r: HclBlock, ctx: Ctx) => void;

const name = (r: HclBlock) => `${r.labels[0]}.${r.labels[1]}`;

/** Reports an attribute set to a bad value, with a fix setting the good one. */
function badValue(r: HclBlock, ctx: Ctx, attr: HclAttribute | undefined, bad: (v: string) => boolean, good: string, what: string): boolean {
  if (!attr || !bad(unquote(attr.raw))) return false;
  ctx.hits.push({
    start: attr.start,
    end: attr.valueEnd,
    params: { resource: name(r), problem: what },
    fix: { description: `Set ${attr.name} = ${good}`, edits: [{ start: attr.valueStart, end: attr.valueEnd, newText: good }] },
  });
  return true;
}

/** Reports a resource that lacks an attribute, with a fix adding it after the opening brace. */
function missing(r: HclBlock, ctx: Ctx, attribute: string, good: string, what: string): void {
  const indent = /\n([ \t]+)\S/.exec(ctx.doc.text.slice(r.open, r.close))?.[1] ?? '  ';
  ctx.hits.push({
    start: r.start,
    end: r.open + 1,
    params: { resource: name(r), problem: what },
    fix: { description: `Add ${attribute} = ${good}`, edits: [{ start: r.open + 1, end: r.open + 1, newText: `\n${indent}${attribute} = ${good}` }] },
  });
}

const isFalse = (v: string) => v === 'false';
const isTrue = (v: string) => v === 'true';

function encrypted(attribute: string, what: string): Check {
  return (r, ctx) => {
    const a = r.attributes.get(attribute);
    if (a) badValue(r, ctx, a, isFalse, 'true', what);
    else missing(r, ctx, attribute, 'true', what);
  };
}

/** Whether another resource in the file points at this one (`bucket = aws_s3_bucket.exports.id`). */
function referenced(r: HclBlock, ctx: Ctx, byType: string): boolean {
  const ref = new RegExp(`\\b${name(r).replace('.', '\\.')}\\b`);
  return ctx.resources.some((o) => o.labels[0] === byType && [...o.attributes.values()].some((a) => ref.test(a.raw)));
}

const ENCRYPTION: Record<string, Check> = {
  aws_s3_bucket(r, ctx) {
    if (r.blocks.some((b) => b.type === 'server_side_encryption_configuration')) return;
    if (referenced(r, ctx, 'aws_s3_bucket_server_side_encryption_configuration')) return;
    const block =
      `\n\nresource "aws_s3_bucket_server_side_encryption_configuration" "${r.labels[1]}" {\n  bucket = ${name(r)}.id\n  rule {\n` +
      `    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms"\n    }\n  }\n}`;
    ctx.hits.push({
      start: r.start,
      end: r.open + 1,
      params: { resource: name(r), problem: 'has no server-side encryption configuration' },
      fix: { description: 'Add a KMS server-side encryption configuration', edits: [{ start: r.close + 1, end: r.close + 1, newText: block }] },
    });
  },
  aws_db_instance: encrypted('storage_encrypted', 'does not encrypt its storage'),
  aws_rds_cluster: encrypted('storage_encrypted', 'does not encrypt its storage'),
  aws_ebs_volume: encrypted('encrypted', 'is not encrypted'),
  aws_dynamodb_table(r, ctx) {
    const sse = r.blocks.find((b) => b.type === 'server_side_encryption');
    if (sse) badValue(r, ctx, sse.attributes.get('enabled'), isFalse, 'true', 'does not encrypt with a KMS key');
  },
};

const PUBLIC_ACL = (v: string) => /^public-read(?:-write)?$|^authenticated-read$/.test(v);

const PUBLIC: Record<string, Check> = {
  aws_s3_bucket(r, ctx) {
    badValue(r, ctx, r.attributes.get('acl'), PUBLIC_ACL, '"private"', 'grants public access through its ACL');
  },
  aws_s3_bucket_acl(r, ctx) {
    badValue(r, ctx, r.attributes.get('acl'), PUBLIC_ACL, '"private"', 'grants public access through its ACL');
  },
  aws_s3_bucket_public_access_block(r, ctx) {
    for (const a of ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets']) {
      badValue(r, ctx, r.attributes.get(a), isFalse, 'true', `turns ${a} off`);
    }
  },
  aws_db_instance(r, ctx) {
    badValue(r, ctx, r.attributes.get('publicly_accessible'), isTrue, 'false', 'is reachable from the internet');
  },
  aws_rds_cluster_instance(r, ctx) {
    badValue(r, ctx, r.attributes.get('publicly_accessible'), isTrue, 'false', 'is reachable from the internet');
  },
  azurerm_storage_account(r, ctx) {
    for (const a of ['allow_nested_items_to_be_public', 'allow_blob_public_access']) {
      badValue(r, ctx, r.attributes.get(a), isTrue, 'false', 'allows anonymous public read access to blobs');
    }
  },
  azurerm_storage_container(r, ctx) {
    badValue(r, ctx, r.attributes.get('container_access_type'), (v) => v === 'blob' || v === 'container', '"private"', 'is readable anonymously');
  },
  google_sql_database_instance(r, ctx) {
    for (const b of allBlocks(r)) {
      if (b.type === 'authorized_networks') badValue(r, ctx, b.attributes.get('value'), (v) => v === '0.0.0.0/0', '"10.0.0.0/8"', 'accepts connections from any address');
    }
  },
  google_storage_bucket_iam_member: allUsers('member'),
  google_storage_bucket_iam_binding: allUsers('members'),
  google_storage_bucket_access_control: allUsers('entity'),
  google_storage_object_access_control: allUsers('entity'),
  google_storage_default_object_access_control: allUsers('entity'),
};

for (const t of ['azurerm_sql_firewall_rule', 'azurerm_mssql_firewall_rule', 'azurerm_postgresql_firewall_rule', 'azurerm_mysql_firewall_rule', 'azurerm_postgresql_flexible_server_firewall_rule', 'azurerm_mysql_flexible_server_firewall_rule', 'azurerm_mariadb_firewall_rule']) {
  PUBLIC[t] = (r, ctx) => {
    const start = r.attributes.get('start_ip_address');
    const end = r.attributes.get('end_ip_address');
    if (start && end && unquote(start.raw) === '0.0.0.0' && unquote(end.raw) === '255.255.255.255') {
      ctx.hits.push({ start: r.start, end: r.open + 1, params: { resource: name(r), problem: 'opens the database to every address (0.0.0.0–255.255.255.255)' } });
    }
  };
}

function allUsers(attribute: string): Check {
  return (r, ctx) => {
    const a = r.attributes.get(attribute);
    if (a && /\ballUsers\b|\ballAuthenticatedUsers\b/.test(a.raw)) {
      ctx.hits.push({ start: a.start, end: a.valueEnd, params: { resource: name(r), problem: 'grants access to allUsers or allAuthenticatedUsers' } });
    }
  };
}
