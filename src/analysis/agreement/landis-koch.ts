/**
 * The verbal benchmarks of Landis & Koch (1977), "The measurement of observer agreement
 * for categorical data", Biometrics 33(1), p. 165.
 */
export type LandisKoch = 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almost perfect';

export function landisKoch(kappa: number): LandisKoch {
  if (kappa < 0) return 'poor';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}
