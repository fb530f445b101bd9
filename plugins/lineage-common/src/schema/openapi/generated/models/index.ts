//

export * from '../models/DatasetRef.model';
export * from '../models/Edge.model';
export * from '../models/FieldGraph.model';
export * from '../models/FieldNode.model';
export * from '../models/FieldNodeData.model';
export * from '../models/Graph.model';
export * from '../models/Impact.model';
export * from '../models/ImpactDatasetsInner.model';
export * from '../models/ImpactJobsInner.model';
export * from '../models/ImportDbtArtifacts200Response.model';
export * from '../models/ImportDbtArtifactsRequest.model';
export * from '../models/InputField.model';
export * from '../models/Node.model';
export * from '../models/RunEvent.model';
export * from '../models/RunEventJob.model';
export * from '../models/RunEventRun.model';
export * from '../models/Search200Response.model';
export * from '../models/SearchResult.model';
