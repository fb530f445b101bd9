//

export * from '../models/Dashboard.model';
export * from '../models/DashboardList.model';
export * from '../models/GuestToken.model';
export * from '../models/SupersetStatus.model';
