//

export * from '../models/Catalog.model';
export * from '../models/Column.model';
export * from '../models/Commit.model';
export * from '../models/DiffEntry.model';
export * from '../models/DiffRefs200Response.model';
export * from '../models/ErrorError.model';
export * from '../models/FileHealth.model';
export * from '../models/ListCatalogs200Response.model';
export * from '../models/ListNamespaces200Response.model';
export * from '../models/ListPartitions200Response.model';
export * from '../models/ListRefs200Response.model';
export * from '../models/ListSnapshots200Response.model';
export * from '../models/ListTableCommits200Response.model';
export * from '../models/ListTables200Response.model';
export * from '../models/ModelError.model';
export * from '../models/Namespace.model';
export * from '../models/PartitionField.model';
export * from '../models/PartitionStats.model';
export * from '../models/Preview.model';
export * from '../models/PreviewColumnsInner.model';
export * from '../models/Reference.model';
export * from '../models/Snapshot.model';
export * from '../models/TableDetail.model';
export * from '../models/TableSummary.model';
