//

export * from '../models/ApplyMigrations200Response.model';
export * from '../models/Attention.model';
export * from '../models/ErrorError.model';
export * from '../models/GetPipelineRun200Response.model';
export * from '../models/IngestHour.model';
export * from '../models/IngestSummary.model';
export * from '../models/IngestSummaryQuarantineReasonsInner.model';
export * from '../models/LayerSummary.model';
export * from '../models/LayerSummaryTablesInner.model';
export * from '../models/ListMigrations200Response.model';
export * from '../models/ListPipelineRuns200Response.model';
export * from '../models/Migration.model';
export * from '../models/ModelError.model';
export * from '../models/PipelineOverview.model';
export * from '../models/PipelineRun.model';
export * from '../models/PipelineRunDetail.model';
export * from '../models/RunStep.model';
export * from '../models/RunTest.model';
export * from '../models/StartPipelineRun202Response.model';
export * from '../models/Stats.model';
