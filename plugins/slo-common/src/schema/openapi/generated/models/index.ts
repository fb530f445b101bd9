//

export * from '../models/AlertmanagerAlert.model';
export * from '../models/AlertmanagerWebhook.model';
export * from '../models/AlertsReceived.model';
export * from '../models/BurnRates.model';
export * from '../models/HistoryPoint.model';
export * from '../models/SloAlert.model';
export * from '../models/SloDetail.model';
export * from '../models/SloHistory.model';
export * from '../models/SloList.model';
export * from '../models/SloStatus.model';
export * from '../models/Source.model';
