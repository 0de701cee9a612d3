import { useMessageAction, type MessageAction } from '../../api/messages';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';

/** Runs an act on the case and says how it went; answers whether it worked. */
export const useCaseAct = (id: number) => {
  const notified = useNotifiedAction();
  const { mutateAsync, isLoading } = useMessageAction(id);
  return {
    run: (action: MessageAction, done: string) => notified(() => mutateAsync(action), done),
    isLoading,
  };
};
