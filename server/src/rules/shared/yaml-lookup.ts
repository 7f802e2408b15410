// Moved to the parse layer (Compose services read merge keys while they are modelled).
export * from '../../parse/yaml-lookup';
