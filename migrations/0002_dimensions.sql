-- Reference data: geography, catalogue, stores and their devices.
create schema scout;

create table scout.regions (
  region_code text primary key,
  name text not null
);

create table scout.provinces (
  province_code text primary key,
  region_code text not null references scout.regions,
  name text
);

create table scout.cities (
  city_code text primary key,
  province_code text not null references scout.provinces,
  name text
);

create table scout.brands (
  brand_id text primary key,
  name text not null
);

create table scout.categories (
  category_id text primary key,
  name text not null
);

create table scout.products (
  sku text primary key,
  name text not null,
  brand_id text not null references scout.brands,
  category_id text not null references scout.categories,
  list_price numeric(10, 2) not null check (list_price > 0),
  pack_size text
);

create table scout.stores (
  store_id text primary key,
  name text not null,
  city_code text not null references scout.cities,
  store_type text not null,
  active boolean not null default true
);

create table scout.devices (
  device_id text primary key,
  store_id text not null references scout.stores,
  kind text not null check (kind in ('pos', 'mobile', 'iot'))
);
