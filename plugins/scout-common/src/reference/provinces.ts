import type { Province } from '../domain/geography.ts';

/**
 * A subset of provinces, coded like ISO 3166-2:PH without the `PH-` prefix.
 * NCR has no provinces; its four districts take their place, as in the PSGC.
 */
export const provinces: readonly Province[] = [
  {
    province_code: 'NCR-1',
    region_code: 'NCR',
    name: 'NCR, City of Manila, First District',
  },
  { province_code: 'NCR-2', region_code: 'NCR', name: 'NCR, Second District' },
  { province_code: 'NCR-3', region_code: 'NCR', name: 'NCR, Third District' },
  { province_code: 'NCR-4', region_code: 'NCR', name: 'NCR, Fourth District' },
  { province_code: 'BEN', region_code: 'CAR', name: 'Benguet' },
  { province_code: 'ILN', region_code: 'I', name: 'Ilocos Norte' },
  { province_code: 'PAN', region_code: 'I', name: 'Pangasinan' },
  { province_code: 'CAG', region_code: 'II', name: 'Cagayan' },
  { province_code: 'ISA', region_code: 'II', name: 'Isabela' },
  { province_code: 'BUL', region_code: 'III', name: 'Bulacan' },
  { province_code: 'PAM', region_code: 'III', name: 'Pampanga' },
  { province_code: 'NUE', region_code: 'III', name: 'Nueva Ecija' },
  { province_code: 'TAR', region_code: 'III', name: 'Tarlac' },
  { province_code: 'CAV', region_code: 'IV-A', name: 'Cavite' },
  { province_code: 'LAG', region_code: 'IV-A', name: 'Laguna' },
  { province_code: 'BTG', region_code: 'IV-A', name: 'Batangas' },
  { province_code: 'RIZ', region_code: 'IV-A', name: 'Rizal' },
  { province_code: 'QUE', region_code: 'IV-A', name: 'Quezon' },
  { province_code: 'PLW', region_code: 'MIMAROPA', name: 'Palawan' },
  { province_code: 'MDR', region_code: 'MIMAROPA', name: 'Oriental Mindoro' },
  { province_code: 'CAS', region_code: 'V', name: 'Camarines Sur' },
  { province_code: 'ALB', region_code: 'V', name: 'Albay' },
  { province_code: 'ILI', region_code: 'VI', name: 'Iloilo' },
  { province_code: 'NEC', region_code: 'VI', name: 'Negros Occidental' },
  { province_code: 'CEB', region_code: 'VII', name: 'Cebu' },
  { province_code: 'BOH', region_code: 'VII', name: 'Bohol' },
  { province_code: 'NER', region_code: 'VII', name: 'Negros Oriental' },
  { province_code: 'LEY', region_code: 'VIII', name: 'Leyte' },
  { province_code: 'ZAS', region_code: 'IX', name: 'Zamboanga del Sur' },
  { province_code: 'MSR', region_code: 'X', name: 'Misamis Oriental' },
  { province_code: 'LAN', region_code: 'X', name: 'Lanao del Norte' },
  { province_code: 'DAS', region_code: 'XI', name: 'Davao del Sur' },
  { province_code: 'DAV', region_code: 'XI', name: 'Davao del Norte' },
  { province_code: 'SCO', region_code: 'XII', name: 'South Cotabato' },
  { province_code: 'AGN', region_code: 'XIII', name: 'Agusan del Norte' },
  { province_code: 'LAS', region_code: 'BARMM', name: 'Lanao del Sur' },
];
