// The modality texts are core's (the filters name them too); views import them from here.
export { MODALITY_TEXT } from '../../core/style.ts';
