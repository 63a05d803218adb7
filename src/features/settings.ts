/** The settings section both editor hosts read: `mlsystem.rules`, `mlsystem.files`, `mlsystem.review.trigger`. */
export const SETTINGS_SECTION = 'mlsystem';
