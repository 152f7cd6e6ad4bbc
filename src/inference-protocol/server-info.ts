export const SERVER_NAME = 'sightline';
/** Extensions Sightline really implements, as listed in the server metadata. */
export const EXTENSIONS = ['binary_tensor_data', 'statistics'] as const;
/** The model platform reported in model metadata (the name Triton uses for ONNX Runtime models). */
export const PLATFORM = 'onnxruntime_onnx';
