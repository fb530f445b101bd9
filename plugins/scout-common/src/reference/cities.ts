import type { City } from '../domain/geography.ts';
import { provinces } from './provinces.ts';

const regionOfProvince = new Map(
  provinces.map(p => [p.province_code, p.region_code]),
);

function city(city_code: string, name: string, province_code: string): City {
  const region_code = regionOfProvince.get(province_code);
  if (!region_code)
    throw new Error(`City ${city_code}: unknown province ${province_code}`);
  return { city_code, province_code, region_code, name };
}

/** Cities where the demo stores are, weighted toward the big urban markets. */
export const cities: readonly City[] = [
  city('MANILA', 'Manila', 'NCR-1'),
  city('QUEZON-CITY', 'Quezon City', 'NCR-2'),
  city('PASIG', 'Pasig', 'NCR-2'),
  city('MARIKINA', 'Marikina', 'NCR-2'),
  city('CALOOCAN', 'Caloocan', 'NCR-3'),
  city('VALENZUELA', 'Valenzuela', 'NCR-3'),
  city('MAKATI', 'Makati', 'NCR-4'),
  city('TAGUIG', 'Taguig', 'NCR-4'),
  city('PARANAQUE', 'Parañaque', 'NCR-4'),
  city('PASAY', 'Pasay', 'NCR-4'),
  city('BAGUIO', 'Baguio', 'BEN'),
  city('LAOAG', 'Laoag', 'ILN'),
  city('DAGUPAN', 'Dagupan', 'PAN'),
  city('TUGUEGARAO', 'Tuguegarao', 'CAG'),
  city('SANTIAGO', 'Santiago', 'ISA'),
  city('MALOLOS', 'Malolos', 'BUL'),
  city('SAN-JOSE-DEL-MONTE', 'San Jose del Monte', 'BUL'),
  city('ANGELES', 'Angeles', 'PAM'),
  city('SAN-FERNANDO-PAM', 'San Fernando', 'PAM'),
  city('CABANATUAN', 'Cabanatuan', 'NUE'),
  city('TARLAC-CITY', 'Tarlac City', 'TAR'),
  city('BACOOR', 'Bacoor', 'CAV'),
  city('DASMARINAS', 'Dasmariñas', 'CAV'),
  city('CALAMBA', 'Calamba', 'LAG'),
  city('SANTA-ROSA', 'Santa Rosa', 'LAG'),
  city('BATANGAS-CITY', 'Batangas City', 'BTG'),
  city('ANTIPOLO', 'Antipolo', 'RIZ'),
  city('LUCENA', 'Lucena', 'QUE'),
  city('PUERTO-PRINCESA', 'Puerto Princesa', 'PLW'),
  city('CALAPAN', 'Calapan', 'MDR'),
  city('NAGA', 'Naga', 'CAS'),
  city('LEGAZPI', 'Legazpi', 'ALB'),
  city('ILOILO-CITY', 'Iloilo City', 'ILI'),
  city('BACOLOD', 'Bacolod', 'NEC'),
  city('CEBU-CITY', 'Cebu City', 'CEB'),
  city('MANDAUE', 'Mandaue', 'CEB'),
  city('LAPU-LAPU', 'Lapu-Lapu', 'CEB'),
  city('TAGBILARAN', 'Tagbilaran', 'BOH'),
  city('DUMAGUETE', 'Dumaguete', 'NER'),
  city('TACLOBAN', 'Tacloban', 'LEY'),
  city('ZAMBOANGA-CITY', 'Zamboanga City', 'ZAS'),
  city('CAGAYAN-DE-ORO', 'Cagayan de Oro', 'MSR'),
  city('ILIGAN', 'Iligan', 'LAN'),
  city('DAVAO-CITY', 'Davao City', 'DAS'),
  city('DIGOS', 'Digos', 'DAS'),
  city('TAGUM', 'Tagum', 'DAV'),
  city('GENERAL-SANTOS', 'General Santos', 'SCO'),
  city('BUTUAN', 'Butuan', 'AGN'),
  city('MARAWI', 'Marawi', 'LAS'),
];
