/** MapLibre's own control strings in the app's languages (keys from MapLibre's default locale). */
import type { Lang } from './strings';

const uk: Record<string, string> = {
  'AttributionControl.ToggleAttribution': 'Показати або сховати джерела',
  'FullscreenControl.Enter': 'На весь екран',
  'FullscreenControl.Exit': 'Вийти з повноекранного режиму',
  'Map.Title': 'Карта історії',
  'NavigationControl.ResetBearing': 'Повернути північ догори',
  'NavigationControl.ZoomIn': 'Збільшити',
  'NavigationControl.ZoomOut': 'Зменшити',
  'Popup.Close': 'Закрити',
  'ScaleControl.Meters': 'м',
  'ScaleControl.Kilometers': 'км',
  'CooperativeGesturesHandler.WindowsHelpText': 'Щоб змінити масштаб, тримайте Ctrl і прокручуйте',
  'CooperativeGesturesHandler.MacHelpText': 'Щоб змінити масштаб, тримайте ⌘ і прокручуйте',
  'CooperativeGesturesHandler.MobileHelpText': 'Рухайте карту двома пальцями',
};

const en: Record<string, string> = {
  'AttributionControl.ToggleAttribution': 'Show or hide sources',
  'FullscreenControl.Enter': 'Enter fullscreen',
  'FullscreenControl.Exit': 'Exit fullscreen',
  'Map.Title': 'Story map',
  'NavigationControl.ResetBearing': 'Reset north',
  'NavigationControl.ZoomIn': 'Zoom in',
  'NavigationControl.ZoomOut': 'Zoom out',
  'Popup.Close': 'Close',
  'ScaleControl.Meters': 'm',
  'ScaleControl.Kilometers': 'km',
  'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
  'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
  'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map',
};

export const MAP_LOCALE: Record<Lang, Record<string, string>> = { uk, en };
