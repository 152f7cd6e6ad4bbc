import { runErrorMessage } from './protocol-inference.service';

describe(runErrorMessage.name, () => {
  it("keeps onnxruntime's node and reason, not its source path and C++ signature", () => {
    const ort =
      "Non-zero status code returned while running Add node. Name:'' Status Message: " +
      '/onnxruntime_src/onnxruntime/core/providers/cpu/math/element_wise_ops.h:563 void ' +
      'onnxruntime::BroadcastIterator::Init(ptrdiff_t, ptrdiff_t) axis == 1 || axis == largest was false. ' +
      'Attempting to broadcast an axis by a dimension other than 1. 2 by 3';
    expect(runErrorMessage(new Error(ort))).toBe(
      'Add node: axis == 1 || axis == largest was false. Attempting to broadcast an axis by a dimension other than 1. 2 by 3',
    );
  });

  it('passes other messages through, bounded', () => {
    expect(runErrorMessage(new Error('input  type\nmismatch'))).toBe('input type mismatch');
    expect(runErrorMessage('x'.repeat(900))).toHaveLength(500);
  });
});
